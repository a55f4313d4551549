package dev.faultline.aws.engine;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steady-state check: the hypothesis's {@code before} conditions are read now, through the
 * engine's metric source. A breach refuses the run; a condition without data is a warning (the
 * steady state could not be confirmed); no hypothesis, or none checked before, skips the check.
 */
final class SteadyStateCheck {

    private final EngineContext context;

    /**
     * Creates the check.
     *
     * @param context the engine's shared parts
     */
    SteadyStateCheck(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Checks the experiment's hypothesis before the start.
     *
     * @param experiment the experiment
     * @return the check; never completes exceptionally
     */
    CompletableFuture<PreflightCheck> check(Experiment experiment) {
        if (experiment.hypothesis().isEmpty()) {
            return CompletableFuture.completedFuture(
                    PreflightCheck.skipped(PreflightCheck.STEADY_STATE, "no hypothesis"));
        }
        Hypothesis hypothesis = experiment.hypothesis().get();
        if (HypothesisEvaluator.conditionsFor(hypothesis, CheckPhase.BEFORE).isEmpty()) {
            return CompletableFuture.completedFuture(PreflightCheck.skipped(PreflightCheck.STEADY_STATE,
                    "the hypothesis has no condition checked before the start"));
        }
        Map<SteadyStateCondition, String> readErrors = new ConcurrentHashMap<>();
        MetricSource recording = (condition, from, to) -> read(condition, from, to, readErrors);
        Instant now = context.clock.instant();
        return HypothesisEvaluator.check(recording, hypothesis, CheckPhase.BEFORE, now)
                .thenApply(evidence -> judge(evidence, readErrors));
    }

    /** Reads through the engine's source, remembering why a read failed (the evaluator counts it as no data). */
    private CompletableFuture<List<MetricPoint>> read(SteadyStateCondition condition, Instant from, Instant to,
            Map<SteadyStateCondition, String> readErrors) {
        CompletableFuture<List<MetricPoint>> read;
        try {
            read = context.metrics.read(condition, from, to);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        return read.whenComplete((points, error) -> {
            if (error != null) {
                readErrors.put(condition, PreflightRunner.describe(error));
            }
        });
    }

    private static PreflightCheck judge(List<Evidence> evidence, Map<SteadyStateCondition, String> readErrors) {
        List<String> breached = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.breached()) {
                breached.add(e.toString());
            } else if (e.missing()) {
                String why = readErrors.get(e.condition());
                missing.add(e.toString() + (why == null ? "" : " (the read failed: " + why + ")"));
            } else {
                held.add(e.toString());
            }
        }
        if (!breached.isEmpty()) {
            return PreflightCheck.failed(PreflightCheck.STEADY_STATE, "not in steady state: "
                    + String.join("; ", breached) + "; the system must be healthy before faults are injected:"
                    + " wait for it to recover, or fix the condition's threshold if it is wrong");
        }
        if (!missing.isEmpty()) {
            return PreflightRunner.warning(PreflightCheck.STEADY_STATE, "steady state not confirmed, no data for: "
                    + String.join("; ", missing) + (held.isEmpty() ? "" : "; held: " + String.join("; ", held))
                    + "; check the metric's namespace, name, dimensions and statistic");
        }
        return PreflightCheck.passed(PreflightCheck.STEADY_STATE, "in steady state: " + String.join("; ", held));
    }
}
