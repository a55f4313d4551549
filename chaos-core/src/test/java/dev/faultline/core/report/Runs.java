package dev.faultline.core.report;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Synthetic experiments and run outcomes for the report tests: a completed run whose hypothesis
 * held, a run stopped by the caller, a run that failed resolving its targets, a run whose
 * hypothesis was refuted, and a run without a hypothesis.
 */
final class Runs {

    static final String ID = "EXP1a2b3c4d5e6f7";
    static final String TEMPLATE = "EXT9z8y7x6w5";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final String ALARM = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-5xx";

    static final SteadyStateCondition ERROR_RATE = SteadyStateCondition.builder().name("ErrorRate")
            .namespace("Checkout").metricName("5xxRate").statistic("Average").period(Duration.ofMinutes(1))
            .comparison(Comparison.LessThanThreshold).threshold(1.0).build();

    private Runs() {}

    /** Two actions: stop-workers (5 minutes), then pause (2 minutes) after it; plan total 7 minutes. */
    static Experiment experiment(boolean withHypothesis) {
        TemplateTarget workers = TemplateTarget.builder().resourceType("aws:ec2:instance").putResourceTag("Role", "worker")
                .selectionMode(SelectionMode.percent(20)).build();
        Experiment.Builder b = Experiment.builder().name("compute-node-loss")
                .description("Stop 20% of the workers and watch the error rate.")
                .putTarget("workers", workers)
                .putAction("stop-workers", Action.builder().actionId("aws:ec2:stop-instances")
                        .putParameter("startInstancesAfterDuration", "PT5M").putTarget("Instances", "workers").build())
                .putAction("pause", Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT2M")
                        .addStartAfter("stop-workers").build())
                .addStopCondition(StopCondition.alarm(ALARM))
                .roleArn("arn:aws:iam::123456789012:role/fis")
                .putTag("team", "checkout");
        if (withHypothesis) {
            b.hypothesis(Hypothesis.builder().addCondition(ERROR_RATE).build());
        }
        return b.build();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static ActionOutcome action(String name, String id, ActionState state, Long start, Long end) {
        ActionOutcome.Builder b = ActionOutcome.builder().name(name).actionId(id).state(state);
        if (start != null) {
            b.startTime(at(start));
        }
        if (end != null) {
            b.endTime(at(end));
        }
        return b.build();
    }

    static RunEvent.StateChanged changed(long seconds, RunState from, RunState to, String reason) {
        return new RunEvent.StateChanged(ID, at(seconds), from, to, reason);
    }

    static List<Evidence> evidence(double before, double during, double after) {
        return List.of(new Evidence(ERROR_RATE, CheckPhase.BEFORE, at(0), OptionalDouble.of(before)),
                new Evidence(ERROR_RATE, CheckPhase.DURING, at(240), OptionalDouble.of(during)),
                new Evidence(ERROR_RATE, CheckPhase.AFTER, at(480), OptionalDouble.of(after)));
    }

    static MetricSeries series(double... values) {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new MetricPoint(at(i * 60L), values[i]));
        }
        return new MetricSeries(ERROR_RATE, points);
    }

    /** Completed at +7m10s; both actions completed; the hypothesis held. */
    static RunOutcome completedHeld() {
        List<Evidence> evidence = evidence(0.2, 0.6, 0.3);
        HypothesisVerdict verdict = HypothesisEvaluator.verdict(Hypothesis.builder().addCondition(ERROR_RATE).build(),
                evidence, List.of(series(0.2, 0.4, 0.6, 0.5, 0.3, 0.2, 0.3, 0.2)));
        return RunOutcome.builder().experimentId(ID).templateId(TEMPLATE).state(RunState.COMPLETED)
                .reason("Experiment completed.").startTime(at(0)).endTime(at(430))
                .addAction(action("stop-workers", "aws:ec2:stop-instances", ActionState.COMPLETED, 5L, 310L))
                .addAction(action("pause", "aws:fis:wait", ActionState.COMPLETED, 310L, 430L))
                .verdict(verdict)
                .addEvent(new RunEvent.RunStarted(ID, at(0), TEMPLATE, false))
                .addEvent(changed(2, RunState.PENDING, RunState.INITIATING, ""))
                .addEvent(changed(5, RunState.INITIATING, RunState.RUNNING, ""))
                .addEvent(new RunEvent.ActionStateChanged(ID, at(5), "stop-workers", ActionState.PENDING,
                        ActionState.RUNNING, ""))
                .addEvent(new RunEvent.HypothesisChecked(ID, at(240), CheckPhase.DURING, evidence.subList(1, 2)))
                .addEvent(changed(430, RunState.RUNNING, RunState.COMPLETED, "Experiment completed."))
                .build();
    }

    /** Stopped by the caller at +3m; the second action was cancelled and has no times. */
    static RunOutcome stoppedByCaller() {
        return RunOutcome.builder().experimentId(ID).templateId(TEMPLATE).state(RunState.STOPPED)
                .reason("Experiment stopped by user.").startTime(at(0)).endTime(at(200))
                .addAction(action("stop-workers", "aws:ec2:stop-instances", ActionState.STOPPED, 5L, 195L))
                .addAction(action("pause", "aws:fis:wait", ActionState.CANCELLED, null, null))
                .stopSource(StopSource.CALLER).stopReason("game day over")
                .addEvent(changed(5, RunState.PENDING, RunState.RUNNING, ""))
                .addEvent(new RunEvent.StopRequested(ID, at(180), StopSource.CALLER, "game day over"))
                .addEvent(changed(185, RunState.RUNNING, RunState.STOPPING, "Stopping."))
                .addEvent(changed(200, RunState.STOPPING, RunState.STOPPED, "Experiment stopped by user."))
                .build();
    }

    /** Failed resolving its targets: no experiment times, no action times, no verdict. */
    static RunOutcome failedTargetResolution() {
        return RunOutcome.builder().experimentId(ID).state(RunState.FAILED)
                .reason("Target resolution failed: no resources matched.").errorCode("TargetResolutionFailed")
                .errorLocation("workers")
                .addAction(action("stop-workers", "aws:ec2:stop-instances", ActionState.CANCELLED, null, null))
                .addAction(action("pause", "aws:fis:wait", ActionState.CANCELLED, null, null))
                .build();
    }

    /** The error rate breached its threshold during the run, and the engine stopped it. */
    static RunOutcome refuted() {
        List<Evidence> evidence = evidence(0.2, 4.5, 0.4);
        HypothesisVerdict verdict = HypothesisEvaluator.verdict(Hypothesis.builder().addCondition(ERROR_RATE).build(),
                evidence, List.of(series(0.2, 0.3, 2.5, 4.5, 0.4)));
        return RunOutcome.builder().experimentId(ID).templateId(TEMPLATE).state(RunState.STOPPED)
                .reason("Experiment stopped by user.").startTime(at(0)).endTime(at(260))
                .addAction(action("stop-workers", "aws:ec2:stop-instances", ActionState.STOPPED, 5L, 255L))
                .addAction(action("pause", "aws:fis:wait", ActionState.CANCELLED, null, null))
                .stopSource(StopSource.HYPOTHESIS).stopReason("ErrorRate breached: 4.5 < 1.0 failed")
                .verdict(verdict)
                .addEvent(changed(5, RunState.PENDING, RunState.RUNNING, ""))
                .addEvent(new RunEvent.HypothesisChecked(ID, at(240), CheckPhase.DURING, evidence.subList(1, 2)))
                .addEvent(new RunEvent.StopRequested(ID, at(240), StopSource.HYPOTHESIS,
                        "ErrorRate breached: 4.5 < 1.0 failed"))
                .addEvent(changed(260, RunState.RUNNING, RunState.STOPPED, "Experiment stopped by user."))
                .build();
    }

    /** Completed, without a hypothesis. */
    static RunOutcome completedWithoutHypothesis() {
        return RunOutcome.builder().experimentId(ID).templateId(TEMPLATE).state(RunState.COMPLETED)
                .startTime(at(0)).endTime(at(430))
                .addAction(action("stop-workers", "aws:ec2:stop-instances", ActionState.COMPLETED, 5L, 310L))
                .addAction(action("pause", "aws:fis:wait", ActionState.COMPLETED, 310L, 430L))
                .build();
    }

    static Preflight preflight() {
        return Preflight.builder()
                .addViolation(Violation.custom("team.owner-tag-missing", Severity.WARNING, "/tags", "No owner tag.", "Add an owner tag."))
                .addCheck(PreflightCheck.passed(PreflightCheck.VALIDATION, "No errors, 1 warning."))
                .addCheck(PreflightCheck.passed(PreflightCheck.STOP_CONDITIONS, "1 alarm OK"))
                .addCheck(PreflightCheck.passed(PreflightCheck.TARGETS, "workers: 2 resources"))
                .addCheck(PreflightCheck.skipped(PreflightCheck.PERMISSIONS, "No IAM client."))
                .putResolvedTarget("workers", List.of("arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
                        "arn:aws:ec2:eu-west-1:123456789012:instance/i-2"))
                .build();
    }

    static Preflight failedPreflight() {
        return Preflight.builder()
                .addCheck(PreflightCheck.passed(PreflightCheck.VALIDATION, "No errors."))
                .addCheck(PreflightCheck.failed(PreflightCheck.STOP_CONDITIONS,
                        "Alarm checkout-5xx is in ALARM; wait until it is OK."))
                .build();
    }
}
