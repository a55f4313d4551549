package dev.faultline.temporal;

import java.util.List;
import java.util.Map;

/**
 * How an {@link ExperimentWorkflow} ended: refused by the checks, or the experiment's final
 * state with the hypothesis verdict, each action's state, the readings and the report.
 *
 * @param name the run's name
 * @param target where it ran
 * @param refusals why the run was refused (validation errors, failed preflight checks); empty
 *     when it was not
 * @param experimentId the experiment id, empty when refused before the start
 * @param templateId the template id, empty when none was created
 * @param state the final state ({@code COMPLETED}, {@code STOPPED}, {@code FAILED},
 *     {@code CANCELLED}) or {@code REFUSED}
 * @param reason the service's reason for the final state, or the refusal's summary
 * @param verdict {@code HELD}, {@code REFUTED}, {@code INCONCLUSIVE}, or empty without hypothesis
 * @param verdictSummary the verdict in words
 * @param stopReason the reason of a requested stop (signal, cancellation, watchdog), or empty
 * @param actions each action's final state, by name
 * @param readings every hypothesis reading of the verdict
 * @param report where the report was written, or empty when the worker writes none
 * @param junit the run as a JUnit XML report (what {@code faultline run --junit} writes), or empty
 *     when no experiment ran
 */
public record RunResult(String name, RunTarget target, List<String> refusals, String experimentId,
        String templateId, String state, String reason, String verdict, String verdictSummary, String stopReason,
        Map<String, String> actions, List<Reading> readings, String report, String junit) {

    /** The state of a run refused before its start. */
    public static final String REFUSED = "REFUSED";

    /**
     * Normalises absent parts to empty values.
     *
     * @param name the name
     * @param target the target
     * @param refusals the refusals
     * @param experimentId the experiment id
     * @param templateId the template id
     * @param state the state
     * @param reason the reason
     * @param verdict the verdict
     * @param verdictSummary the verdict's summary
     * @param stopReason the stop reason
     * @param actions the actions
     * @param readings the readings
     * @param report the report's path
     * @param junit the JUnit XML report
     */
    public RunResult {
        name = name == null ? "" : name;
        target = target == null ? RunTarget.defaultTarget() : target;
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
        experimentId = experimentId == null ? "" : experimentId;
        templateId = templateId == null ? "" : templateId;
        state = state == null ? "" : state;
        reason = reason == null ? "" : reason;
        verdict = verdict == null ? "" : verdict;
        verdictSummary = verdictSummary == null ? "" : verdictSummary;
        stopReason = stopReason == null ? "" : stopReason;
        actions = actions == null ? Map.of() : Map.copyOf(actions);
        readings = readings == null ? List.of() : List.copyOf(readings);
        report = report == null ? "" : report;
        junit = junit == null ? "" : junit;
    }

    /**
     * A result without a JUnit report.
     *
     * @param name the name
     * @param target the target
     * @param refusals the refusals
     * @param experimentId the experiment id
     * @param templateId the template id
     * @param state the state
     * @param reason the reason
     * @param verdict the verdict
     * @param verdictSummary the verdict's summary
     * @param stopReason the stop reason
     * @param actions the actions
     * @param readings the readings
     * @param report the report's path
     */
    public RunResult(String name, RunTarget target, List<String> refusals, String experimentId, String templateId,
            String state, String reason, String verdict, String verdictSummary, String stopReason,
            Map<String, String> actions, List<Reading> readings, String report) {
        this(name, target, refusals, experimentId, templateId, state, reason, verdict, verdictSummary, stopReason,
                actions, readings, report, "");
    }

    /**
     * A run refused before anything was created.
     *
     * @param request the request
     * @param refusals why
     * @return the result
     */
    public static RunResult refused(RunRequest request, List<String> refusals) {
        return new RunResult(request.name(), request.target(), refusals, "", "", REFUSED,
                String.join("; ", refusals), "", "", "", Map.of(), List.of(), "");
    }

    /**
     * Tells whether the checks refused the run.
     *
     * @return true when nothing was started
     */
    public boolean wasRefused() {
        return REFUSED.equals(state);
    }

    /**
     * Tells whether the hypothesis was refuted.
     *
     * @return true for a REFUTED verdict
     */
    public boolean wasRefuted() {
        return "REFUTED".equals(verdict);
    }

    /**
     * Tells whether the run did what was asked: completed, hypothesis not refuted.
     *
     * @return true for a completed run whose hypothesis held, was inconclusive or was absent
     */
    public boolean succeeded() {
        return "COMPLETED".equals(state) && !wasRefuted();
    }

    /**
     * This result with the report's location.
     *
     * @param value the report's path
     * @return a new result
     */
    public RunResult withReport(String value) {
        return new RunResult(name, target, refusals, experimentId, templateId, state, reason, verdict,
                verdictSummary, stopReason, actions, readings, value, junit);
    }

    /**
     * This result with a stop reason.
     *
     * @param value the reason
     * @return a new result
     */
    public RunResult withStopReason(String value) {
        return new RunResult(name, target, refusals, experimentId, templateId, state, reason, verdict,
                verdictSummary, value, actions, readings, report, junit);
    }

    @Override
    public String toString() {
        return "RunResult[" + name + " " + target.key() + " " + state + (verdict.isEmpty() ? "" : " verdict=" + verdict)
                + (experimentId.isEmpty() ? "" : " " + experimentId) + (reason.isEmpty() ? "" : " (" + reason + ")")
                + "]";
    }
}
