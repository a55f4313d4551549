package dev.faultline.core.journal;

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
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Headers and events for journal tests: one sample of every run event type, and whole runs. */
public final class JournalSamples {

    /** The start of the first sample run. */
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static final SteadyStateCondition ERRORS = SteadyStateCondition.builder().name("errors")
            .namespace("App").metricName("5xx").putDimension("Service", "checkout").statistic("Sum")
            .period(Duration.ofSeconds(60)).comparison(Comparison.LessThanThreshold).threshold(5.0)
            .phases(java.util.EnumSet.of(CheckPhase.BEFORE, CheckPhase.DURING)).build();

    private JournalSamples() {}

    /**
     * A sample of a run event type, with every field filled.
     *
     * @param type a permitted subclass of {@link RunEvent}
     * @return the sample
     * @throws AssertionError for a type this method does not know: add it here and to the codec
     */
    public static RunEvent sample(Class<?> type) {
        String id = "EXP1";
        Instant t = T0.plusSeconds(5);
        if (type == RunEvent.RunQueued.class) {
            return new RunEvent.RunQueued(id, t, "111122223333/us-east-1", 2);
        } else if (type == RunEvent.RunStarted.class) {
            return new RunEvent.RunStarted(id, t, "EXT1", true);
        } else if (type == RunEvent.StateChanged.class) {
            return new RunEvent.StateChanged(id, t, RunState.INITIATING, RunState.RUNNING, "Experiment is running.");
        } else if (type == RunEvent.ActionStateChanged.class) {
            return new RunEvent.ActionStateChanged(id, t, "stop", ActionState.PENDING, ActionState.RUNNING, "");
        } else if (type == RunEvent.StopRequested.class) {
            return new RunEvent.StopRequested(id, t, StopSource.HYPOTHESIS, "errors breached");
        } else if (type == RunEvent.HypothesisChecked.class) {
            return new RunEvent.HypothesisChecked(id, t, CheckPhase.DURING, evidence());
        } else if (type == RunEvent.RunCompleted.class) {
            return new RunEvent.RunCompleted(id, t, outcome(id, RunState.COMPLETED, Verdict.REFUTED));
        } else if (type == RunEvent.RunFailed.class) {
            return new RunEvent.RunFailed(id, t, new EngineException("GetExperiment failed 5 times"));
        }
        throw new AssertionError("No journal sample for the run event type " + type.getName()
                + ": add one here, and its form to the journal's EventCodec");
    }

    /**
     * Readings with a value, without one, and one that is not a number.
     *
     * @return the evidence
     */
    public static List<Evidence> evidence() {
        return List.of(new Evidence(ERRORS, CheckPhase.DURING, T0.plusSeconds(30), OptionalDouble.of(7.5)),
                new Evidence(ERRORS, CheckPhase.BEFORE, T0, OptionalDouble.empty()),
                new Evidence(ERRORS, CheckPhase.DURING, T0.plusSeconds(60), OptionalDouble.of(Double.NaN)));
    }

    /**
     * A full outcome.
     *
     * @param experimentId the experiment id
     * @param state the final state
     * @param verdict the verdict, or null for none
     * @return the outcome
     */
    public static RunOutcome outcome(String experimentId, RunState state, Verdict verdict) {
        RunOutcome.Builder b = RunOutcome.builder().experimentId(experimentId).templateId("EXT1").state(state)
                .reason("done").errorCode("TargetResolutionFailed").errorLocation("targets.instances")
                .startTime(T0).endTime(T0.plusSeconds(120)).stopSource(StopSource.CALLER).stopReason("enough")
                .addAction(ActionOutcome.builder().name("stop").actionId("aws:ec2:stop-instances")
                        .state(ActionState.COMPLETED).startTime(T0.plusSeconds(1)).endTime(T0.plusSeconds(61))
                        .build())
                .addAction(ActionOutcome.builder().name("wait").state(ActionState.PENDING).reason("never").build());
        if (verdict != null) {
            b.verdict(HypothesisVerdict.builder().verdict(verdict).summary("errors went up").addAllEvidence(evidence())
                    .addSeries(new MetricSeries(ERRORS, List.of(new MetricPoint(T0, 1.0),
                            new MetricPoint(T0.plusSeconds(60), Double.POSITIVE_INFINITY))))
                    .build());
        }
        return b.build();
    }

    /**
     * A preflight with a warning, checks and resolved targets.
     *
     * @return the preflight
     */
    public static Preflight preflight() {
        return Preflight.builder()
                .addViolation(Violation.warning(dev.faultline.core.validation.ViolationCode.TEMPLATE_PLACEHOLDER_UNRESOLVED,
                        "/roleArn", "The role ARN holds a placeholder", "Fill it in"))
                .addCheck(PreflightCheck.passed(PreflightCheck.VALIDATION, "valid"))
                .addCheck(PreflightCheck.skipped(PreflightCheck.PERMISSIONS, "no IAM client"))
                .putResolvedTarget("instances", List.of("i-1", "i-2"))
                .build();
    }

    /**
     * A header.
     *
     * @param runId the run id
     * @param startedAt the start
     * @param name the experiment name
     * @param account the account
     * @param region the Region
     * @param tags the tags
     * @return the header
     */
    public static RunHeader header(String runId, Instant startedAt, String name, String account, String region,
            Map<String, String> tags) {
        Experiment e = Experiment.builder().name(name).description("Sample " + name).putAllTags(tags).build();
        String json = TemplateJson.write(e);
        return new RunHeader(runId, startedAt, "EXP-" + runId, "EXT-" + runId, name, account, region, "alice",
                tags, json, RunHeader.sha256(json), false, preflight());
    }

    /**
     * The events of a whole run.
     *
     * @param experimentId the experiment id
     * @param state the final state, or null for a run still going
     * @param verdict the verdict, or null
     * @return the events, oldest first
     */
    public static List<RunEvent> run(String experimentId, RunState state, Verdict verdict) {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.RunStarted(experimentId, T0, "EXT1", false));
        events.add(new RunEvent.StateChanged(experimentId, T0.plusSeconds(1), RunState.PENDING, RunState.RUNNING, ""));
        events.add(new RunEvent.HypothesisChecked(experimentId, T0.plusSeconds(2), CheckPhase.DURING, evidence()));
        if (state != null) {
            events.add(new RunEvent.StateChanged(experimentId, T0.plusSeconds(3), RunState.RUNNING, state, ""));
            events.add(new RunEvent.RunCompleted(experimentId, T0.plusSeconds(4), outcome(experimentId, state, verdict)));
        }
        return events;
    }
}
