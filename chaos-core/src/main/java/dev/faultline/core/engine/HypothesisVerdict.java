package dev.faultline.core.engine;

import java.util.List;
import org.immutables.value.Value;

/**
 * The verdict on a run's steady-state hypothesis, with the readings it rests on and the
 * metric series for a chart.
 */
@Value.Immutable
public abstract class HypothesisVerdict {

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The verdict.
     *
     * @return held, refuted or inconclusive
     */
    public abstract Verdict verdict();

    /**
     * Every reading taken, in order.
     *
     * @return the evidence
     */
    public abstract List<Evidence> evidence();

    /**
     * The values of each condition's metric over the run.
     *
     * @return one series per condition
     */
    public abstract List<MetricSeries> series();

    /**
     * The verdict in one sentence, naming the breached or missing readings.
     *
     * @return the summary
     */
    public abstract String summary();

    @Override
    public String toString() {
        return verdict() + ": " + summary();
    }

    /** Builds {@link HypothesisVerdict} values. */
    public static final class Builder extends ImmutableHypothesisVerdict.Builder {
        /** Creates an empty builder; prefer {@link HypothesisVerdict#builder()}. */
        public Builder() {}
    }
}
