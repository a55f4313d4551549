package dev.faultline.core.engine;

import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of one steady-state condition: the value seen, or none when the metric had no
 * data, and whether it held.
 *
 * @param condition the condition
 * @param phase the phase it was read in
 * @param time the end of the window read
 * @param value the statistic's latest value in the window, empty when there was no data
 */
public record Evidence(SteadyStateCondition condition, CheckPhase phase, Instant time, OptionalDouble value) {

    /**
     * Checks the components.
     *
     * @param condition the condition
     * @param phase the phase
     * @param time the time
     * @param value the value
     */
    public Evidence {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Tells whether there was a value and it satisfied the condition.
     *
     * @return true if the steady state held
     */
    public boolean held() {
        return value.isPresent() && condition.holdsFor(value.getAsDouble());
    }

    /**
     * Tells whether there was a value and it broke the condition.
     *
     * @return true if the steady state was breached
     */
    public boolean breached() {
        return value.isPresent() && !condition.holdsFor(value.getAsDouble());
    }

    /**
     * Tells whether the metric had no data in the window.
     *
     * @return true if nothing could be concluded from this reading
     */
    public boolean missing() {
        return value.isEmpty();
    }

    /**
     * A short name for the condition: its name, or else {@code namespace/metric}.
     *
     * @return the label
     */
    public String label() {
        return HypothesisEvaluator.label(condition);
    }

    /**
     * The reading in words.
     *
     * @return for example {@code ErrorRate (during): 0.4, must be < 1: held}
     */
    @Override
    public String toString() {
        String rule = "must be " + condition.comparison().map(c -> c.symbol()).orElse("?") + " "
                + condition.threshold().map(Evidence::number).orElse("?");
        if (missing()) {
            return label() + " (" + phase.wireName() + "): no data, " + rule;
        }
        return label() + " (" + phase.wireName() + "): " + number(value.getAsDouble()) + ", " + rule
                + (held() ? ": held" : ": BREACHED");
    }

    /**
     * A number as people write it: at most six significant digits, no trailing zeros.
     *
     * @param value the number
     * @return for example {@code 3.125} for 3.1250000000000004
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
