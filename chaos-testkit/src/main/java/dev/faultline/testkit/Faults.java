package dev.faultline.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults LocalFis injects into its own API, so that clients' retries and idempotency are
 * tested against it. Each request draws from a random generator seeded with {@link #seed()},
 * so a run is reproducible for the same sequence of requests.
 *
 * <ul>
 *   <li>throttling: HTTP 429 with {@code x-amzn-ErrorType: ThrottlingException} (FIS) or
 *       {@code Throttling} (CloudWatch), which the SDK classifies as throttling;</li>
 *   <li>server errors: HTTP 500 {@code InternalServerException} before the request is handled;</li>
 *   <li>lost responses: the request is handled, then HTTP 503 is returned, as when a reply is lost;</li>
 *   <li>connection resets: the connection closes before a complete response (the request is not
 *       handled);</li>
 *   <li>resets after applying: the request is handled, then the connection closes before a
 *       complete response, so the client never learns the answer;</li>
 *   <li>timeouts after applying: the request is handled, then nothing is sent for
 *       {@link #hang()} (a client with a shorter timeout gives up), then the connection closes;</li>
 *   <li>latency: a fixed wall-clock delay before every response.</li>
 * </ul>
 *
 * <p>The two "after applying" faults are the ones a client's idempotency shows in: a client that
 * sends a fresh client token when it retries creates a second template or experiment.
 *
 * <pre>{@code
 * fis.faults(Faults.builder().seed(7).throttling(0.3).lostResponses(0.2).build());
 * fis.faults(Faults.builder().seed(7).resetsAfterApply(0.1).timeoutsAfterApply(0.1)
 *         .hang(Duration.ofSeconds(2)).build());
 * }</pre>
 */
public final class Faults {

    private static final Faults NONE = builder().build();

    private final long seed;
    private final double throttling;
    private final double serverErrors;
    private final double lostResponses;
    private final double connectionResets;
    private final double resetsAfterApply;
    private final double timeoutsAfterApply;
    private final Duration hang;
    private final Duration latency;

    private Faults(Builder b) {
        this.seed = b.seed;
        this.throttling = b.throttling;
        this.serverErrors = b.serverErrors;
        this.lostResponses = b.lostResponses;
        this.connectionResets = b.connectionResets;
        this.resetsAfterApply = b.resetsAfterApply;
        this.timeoutsAfterApply = b.timeoutsAfterApply;
        this.hang = b.hang;
        this.latency = b.latency;
    }

    /**
     * No faults.
     *
     * @return the empty configuration
     */
    public static Faults none() {
        return NONE;
    }

    /**
     * Starts a configuration with no faults and seed 0.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The seed of the random draws.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The share of requests answered with a throttling error.
     *
     * @return 0 to 1
     */
    public double throttling() {
        return throttling;
    }

    /**
     * The share of requests answered with HTTP 500 without being handled.
     *
     * @return 0 to 1
     */
    public double serverErrors() {
        return serverErrors;
    }

    /**
     * The share of requests handled and then answered with HTTP 503.
     *
     * @return 0 to 1
     */
    public double lostResponses() {
        return lostResponses;
    }

    /**
     * The share of requests whose connection is reset.
     *
     * @return 0 to 1
     */
    public double connectionResets() {
        return connectionResets;
    }

    /**
     * The share of requests handled and then answered by a closed connection.
     *
     * @return 0 to 1
     */
    public double resetsAfterApply() {
        return resetsAfterApply;
    }

    /**
     * The share of requests handled and then left without an answer for {@link #hang()}.
     *
     * @return 0 to 1
     */
    public double timeoutsAfterApply() {
        return timeoutsAfterApply;
    }

    /**
     * How long a request that times out after being applied is left without an answer.
     *
     * @return the wall-clock wait; 10 s unless set
     */
    public Duration hang() {
        return hang;
    }

    /**
     * The wall-clock delay added to every response.
     *
     * @return the delay, zero for none
     */
    public Duration latency() {
        return latency;
    }

    /**
     * Whether any fault is configured.
     *
     * @return true if a rate or the latency is above zero
     */
    public boolean any() {
        return throttling > 0 || serverErrors > 0 || lostResponses > 0 || connectionResets > 0
                || resetsAfterApply > 0 || timeoutsAfterApply > 0 || !latency.isZero();
    }

    @Override
    public String toString() {
        return "Faults[seed=" + seed + ", throttling=" + throttling + ", serverErrors=" + serverErrors
                + ", lostResponses=" + lostResponses + ", connectionResets=" + connectionResets
                + ", resetsAfterApply=" + resetsAfterApply + ", timeoutsAfterApply=" + timeoutsAfterApply
                + ", hang=" + hang + ", latency=" + latency + "]";
    }

    /** Builds {@link Faults}. */
    public static final class Builder {
        private long seed;
        private double throttling;
        private double serverErrors;
        private double lostResponses;
        private double connectionResets;
        private double resetsAfterApply;
        private double timeoutsAfterApply;
        private Duration hang = Duration.ofSeconds(10);
        private Duration latency = Duration.ZERO;

        private Builder() {}

        /**
         * Sets the seed.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the share of throttled requests.
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder throttling(double rate) {
            this.throttling = rate(rate);
            return this;
        }

        /**
         * Sets the share of requests failed with HTTP 500.
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder serverErrors(double rate) {
            this.serverErrors = rate(rate);
            return this;
        }

        /**
         * Sets the share of requests handled and then failed with HTTP 503.
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder lostResponses(double rate) {
            this.lostResponses = rate(rate);
            return this;
        }

        /**
         * Sets the share of requests whose connection is reset.
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder connectionResets(double rate) {
            this.connectionResets = rate(rate);
            return this;
        }

        /**
         * Sets the share of requests handled and then answered by a closed connection (the
         * answer is lost).
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder resetsAfterApply(double rate) {
            this.resetsAfterApply = rate(rate);
            return this;
        }

        /**
         * Sets the share of requests handled and then left without an answer for {@link #hang}.
         *
         * @param rate 0 to 1
         * @return this builder
         */
        public Builder timeoutsAfterApply(double rate) {
            this.timeoutsAfterApply = rate(rate);
            return this;
        }

        /**
         * Sets how long a request that times out after being applied is left without an answer
         * before its connection closes (it holds one of LocalFis's HTTP threads meanwhile).
         *
         * @param value the wall-clock wait, positive
         * @return this builder
         */
        public Builder hang(Duration value) {
            Objects.requireNonNull(value, "hang");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The hang must be positive: " + value);
            }
            this.hang = value;
            return this;
        }

        /**
         * Sets a wall-clock delay added to every response.
         *
         * @param value the delay
         * @return this builder
         */
        public Builder latency(Duration value) {
            Objects.requireNonNull(value, "latency");
            if (value.isNegative()) {
                throw new IllegalArgumentException("Latency cannot be negative: " + value);
            }
            this.latency = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the faults
         */
        public Faults build() {
            if (throttling + serverErrors + lostResponses + connectionResets + resetsAfterApply
                    + timeoutsAfterApply > 1.0 + 1e-9) {
                throw new IllegalArgumentException("The fault rates add up to more than 1.");
            }
            return new Faults(this);
        }

        private static double rate(double r) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("A rate is between 0 and 1: " + r);
            }
            return r;
        }
    }
}
