package dev.faultline.core.report;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.testing.RandomText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Seeded generator of experiments, outcomes and preflights with any part missing, times in any
 * order, odd numbers and hostile text (markup, pipes, control characters, surrogates), for the
 * report's property test.
 */
final class RandomRuns {

    private static final String[] ACTION_IDS = {"aws:fis:wait", "aws:ec2:stop-instances",
        "aws:ec2:terminate-instances", "aws:ssm:send-command", "aws:unknown:thing"};
    private static final String[] HOSTILE = {"<script>alert(1)</script>", "a | b", "line\nbreak", "\\", "&amp;",
        "]]>", "<!--", "\"'", "`code`", "*x*", "\u0000\u0007", "\uD83D", "\uD83D\uDD25", "\u2028"};
    private static final double[] ODD_VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, 1e300, -1e300, Double.MIN_VALUE, 1.0};

    private final SplittableRandom random;
    private final RandomText text;
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    RandomRuns(long seed) {
        this.random = new SplittableRandom(seed);
        this.text = new RandomText(random);
    }

    private boolean maybe() {
        return random.nextBoolean();
    }

    String string() {
        int pick = random.nextInt(3);
        if (pick == 0) {
            return HOSTILE[random.nextInt(HOSTILE.length)];
        }
        return pick == 1 ? text.any(0, 12) : text.name(12);
    }

    private Instant time() {
        return t0.plusSeconds(random.nextLong(-600, 7200)).plusMillis(random.nextInt(1000));
    }

    private double value() {
        return random.nextInt(4) == 0 ? ODD_VALUES[random.nextInt(ODD_VALUES.length)] : random.nextDouble(-5, 5);
    }

    Experiment experiment() {
        Experiment.Builder b = Experiment.builder();
        if (maybe()) {
            b.name(string());
        }
        if (maybe()) {
            b.description(string());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            b.putTag(text.name(8), string());
        }
        int actions = random.nextInt(5);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < actions; i++) {
            String name = i + string();
            Action.Builder a = Action.builder().actionId(ACTION_IDS[random.nextInt(ACTION_IDS.length)]);
            a.putParameter(maybe() ? "duration" : "startInstancesAfterDuration", maybe() ? "PT" + random.nextInt(1, 90) + "M" : string());
            if (!names.isEmpty() && maybe()) {
                a.addStartAfter(names.get(random.nextInt(names.size())));
            }
            names.add(name);
            b.putAction(name, a.build());
        }
        return b.build();
    }

    SteadyStateCondition condition() {
        SteadyStateCondition.Builder c = SteadyStateCondition.builder().period(Duration.ofSeconds(random.nextInt(0, 120)));
        if (maybe()) {
            c.name(string());
        }
        if (maybe()) {
            c.comparison(Comparison.values()[random.nextInt(Comparison.values().length)]);
        }
        if (random.nextInt(4) != 0) {
            c.threshold(value());
        }
        return c.build();
    }

    RunOutcome outcome(Experiment experiment) {
        RunOutcome.Builder o = RunOutcome.builder().experimentId(string())
                .state(RunState.values()[random.nextInt(RunState.values().length)]);
        if (maybe()) {
            o.templateId(string()).reason(string());
        }
        if (maybe()) {
            o.errorCode(string());
        }
        if (maybe()) {
            o.errorLocation(string());
        }
        if (maybe()) {
            o.startTime(time());
        }
        if (maybe()) {
            o.endTime(time());
        }
        actions(o, experiment);
        if (maybe()) {
            o.stopSource(StopSource.values()[random.nextInt(StopSource.values().length)]);
        }
        if (maybe()) {
            o.stopReason(string());
        }
        if (maybe()) {
            o.verdict(verdict());
        }
        events(o);
        return o.build();
    }

    private void actions(RunOutcome.Builder o, Experiment experiment) {
        List<String> names = new ArrayList<>(experiment.actions().keySet());
        for (int i = random.nextInt(3); i > 0; i--) {
            names.add(string());
        }
        for (String name : names) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            ActionOutcome.Builder a = ActionOutcome.builder().name(name)
                    .state(ActionState.values()[random.nextInt(ActionState.values().length)]);
            if (maybe()) {
                a.startTime(time());
            }
            if (maybe()) {
                a.endTime(time());
            }
            if (maybe()) {
                a.reason(string()).actionId(string());
            }
            o.addAction(a.build());
        }
    }

    private HypothesisVerdict verdict() {
        HypothesisVerdict.Builder v = HypothesisVerdict.builder().verdict(Verdict.values()[random.nextInt(3)])
                .summary(string());
        for (int i = random.nextInt(4); i > 0; i--) {
            v.addEvidence(evidence());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            List<MetricPoint> points = new ArrayList<>();
            for (int p = random.nextInt(8); p > 0; p--) {
                points.add(new MetricPoint(time(), value()));
            }
            v.addSeries(new MetricSeries(condition(), points));
        }
        return v.build();
    }

    private Evidence evidence() {
        double v = value();
        return new Evidence(condition(), CheckPhase.values()[random.nextInt(3)], time(),
                maybe() && !Double.isNaN(v) ? OptionalDouble.of(v) : OptionalDouble.empty());
    }

    private void events(RunOutcome.Builder o) {
        for (int i = random.nextInt(8); i > 0; i--) {
            String id = string();
            switch (random.nextInt(7)) {
                case 0 -> o.addEvent(new RunEvent.RunStarted(id, time(), maybe() ? "" : string(), maybe()));
                case 1 -> o.addEvent(new RunEvent.StateChanged(id, time(), RunState.values()[random.nextInt(8)],
                        RunState.values()[random.nextInt(8)], maybe() ? "" : string()));
                case 2 -> o.addEvent(new RunEvent.ActionStateChanged(id, time(), string(),
                        ActionState.values()[random.nextInt(9)], ActionState.values()[random.nextInt(9)], string()));
                case 3 -> o.addEvent(new RunEvent.StopRequested(id, time(), StopSource.values()[random.nextInt(4)],
                        string()));
                case 4 -> o.addEvent(new RunEvent.HypothesisChecked(id, time(), CheckPhase.values()[random.nextInt(3)],
                        List.of(evidence())));
                case 5 -> o.addEvent(new RunEvent.RunFailed(id, time(), new EngineException(string())));
                default -> o.addEvent(new RunEvent.RunCompleted(id, time(),
                        RunOutcome.builder().experimentId(id).state(RunState.FAILED).build()));
            }
        }
    }

    Preflight preflight() {
        Preflight.Builder p = Preflight.builder();
        for (int i = random.nextInt(4); i > 0; i--) {
            p.addCheck(new PreflightCheck(string(), PreflightCheck.Status.values()[random.nextInt(4)], string()));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> arns = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                arns.add(string());
            }
            p.putResolvedTarget(text.name(6) + i, arns);
        }
        return p.build();
    }
}
