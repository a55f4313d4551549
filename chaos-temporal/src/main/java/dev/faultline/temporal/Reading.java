package dev.faultline.temporal;

import dev.faultline.core.engine.Evidence;

/**
 * One hypothesis reading: a steady-state condition's value in a phase (before, during, after)
 * and whether it held.
 *
 * @param condition the condition's name (or its metric)
 * @param phase BEFORE, DURING or AFTER
 * @param time when it was read (ISO-8601)
 * @param value the value, or null when the metric had no data
 * @param status {@code held}, {@code breached} or {@code missing}
 */
public record Reading(String condition, String phase, String time, Double value, String status) {

    /**
     * Converts the engine's evidence.
     *
     * @param evidence the evidence
     * @return the reading
     */
    public static Reading of(Evidence evidence) {
        String status = evidence.missing() ? "missing" : evidence.breached() ? "breached" : "held";
        Double value = evidence.value().isPresent() ? evidence.value().getAsDouble() : null;
        return new Reading(evidence.label(), evidence.phase().name(), evidence.time().toString(), value, status);
    }
}
