package dev.faultline.core.journal;

import dev.faultline.core.engine.RunState;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters of a run listing (all optional, all must match), the page size and the cursor
 * of the page before. Immutable.
 *
 * <pre>{@code
 * JournalQuery q = JournalQuery.builder().experiment("node-loss").verdict("REFUTED")
 *         .since(Instant.parse("2026-12-01T00:00:00Z")).limit(20).build();
 * }</pre>
 */
public final class JournalQuery {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;
    /** Newest first, then by run id descending: the order of every listing. */
    public static final Comparator<RunSummary> NEWEST_FIRST = Comparator
            .comparingLong((RunSummary r) -> r.startedAt().toEpochMilli()).reversed()
            .thenComparing(RunSummary::runId, Comparator.reverseOrder());

    private final String experiment;
    private final Map<String, String> tags;
    private final String account;
    private final String region;
    private final RunState state;
    private final String verdict;
    private final Instant since;
    private final Instant until;
    private final int limit;
    private final JournalCursor after;

    private JournalQuery(Builder b) {
        this.experiment = b.experiment;
        this.tags = Map.copyOf(b.tags);
        this.account = b.account;
        this.region = b.region;
        this.state = b.state;
        this.verdict = b.verdict;
        this.since = b.since;
        this.until = b.until;
        this.limit = b.limit;
        this.after = b.after;
    }

    /**
     * Creates a builder: no filter, 50 runs a page, the first page.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The experiment name filter.
     *
     * @return the name
     */
    public Optional<String> experiment() {
        return Optional.ofNullable(experiment);
    }

    /**
     * The tags a run must carry, each with this value.
     *
     * @return the tags, empty for no tag filter
     */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * The account filter.
     *
     * @return the account
     */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /**
     * The Region filter.
     *
     * @return the Region
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /**
     * The state filter.
     *
     * @return the state
     */
    public Optional<RunState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * The verdict filter: {@code HELD}, {@code REFUTED}, {@code INCONCLUSIVE}, or {@code NONE} for runs without one.
     *
     * @return the verdict
     */
    public Optional<String> verdict() {
        return Optional.ofNullable(verdict);
    }

    /**
     * The earliest start (inclusive).
     *
     * @return the instant
     */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    /**
     * The latest start (exclusive).
     *
     * @return the instant
     */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    /**
     * The page size.
     *
     * @return 1 to {@link #MAX_LIMIT}
     */
    public int limit() {
        return limit;
    }

    /**
     * Where the page before ended.
     *
     * @return the cursor, empty for the first page
     */
    public Optional<JournalCursor> after() {
        return Optional.ofNullable(after);
    }

    /**
     * Tells whether a run passes every filter and comes after the cursor: for journals that
     * filter in memory.
     *
     * @param run the run's summary
     * @param runTags the run's tags
     * @return true when it belongs in the listing
     */
    public boolean matches(RunSummary run, Map<String, String> runTags) {
        return (experiment == null || experiment.equals(run.experiment()))
                && tags.entrySet().stream().allMatch(t -> t.getValue().equals(runTags.get(t.getKey())))
                && (account == null || account.equals(run.account()))
                && (region == null || region.equals(run.region()))
                && (state == null || state == run.state())
                && (verdict == null || verdict.equals(run.verdict().isEmpty() ? "NONE" : run.verdict()))
                && (since == null || run.startedAt().toEpochMilli() >= since.toEpochMilli())
                && (until == null || run.startedAt().toEpochMilli() < until.toEpochMilli())
                && (after == null || after.precedes(run));
    }

    /** Builds a {@link JournalQuery}. */
    public static final class Builder {
        private String experiment;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String account;
        private String region;
        private RunState state;
        private String verdict;
        private Instant since;
        private Instant until;
        private int limit = 50;
        private JournalCursor after;

        private Builder() {}

        /**
         * Only runs of the experiment with this name.
         *
         * @param name the experiment's name
         * @return this builder
         */
        public Builder experiment(String name) {
            this.experiment = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Only runs with this tag and value (repeat for several tags).
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Only runs in this account.
         *
         * @param value the account id
         * @return this builder
         */
        public Builder account(String value) {
            this.account = Objects.requireNonNull(value, "account");
            return this;
        }

        /**
         * Only runs in this Region.
         *
         * @param value the Region
         * @return this builder
         */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /**
         * Only runs whose last state is this one.
         *
         * @param value the state
         * @return this builder
         */
        public Builder state(RunState value) {
            this.state = Objects.requireNonNull(value, "state");
            return this;
        }

        /**
         * Only runs with this verdict.
         *
         * @param value {@code HELD}, {@code REFUTED}, {@code INCONCLUSIVE} or {@code NONE} (any case)
         * @return this builder
         * @throws IllegalArgumentException for another word
         */
        public Builder verdict(String value) {
            String v = Objects.requireNonNull(value, "verdict").toUpperCase(Locale.ROOT);
            if (!v.equals("HELD") && !v.equals("REFUTED") && !v.equals("INCONCLUSIVE") && !v.equals("NONE")) {
                throw new IllegalArgumentException("Unknown verdict '" + value
                        + "' (expected HELD, REFUTED, INCONCLUSIVE or NONE)");
            }
            this.verdict = v;
            return this;
        }

        /**
         * Only runs started at or after this instant.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder since(Instant value) {
            this.since = Objects.requireNonNull(value, "since");
            return this;
        }

        /**
         * Only runs started before this instant.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder until(Instant value) {
            this.until = Objects.requireNonNull(value, "until");
            return this;
        }

        /**
         * The page size.
         *
         * @param value 1 to {@link #MAX_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder limit(int value) {
            if (value < 1 || value > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + value);
            }
            this.limit = value;
            return this;
        }

        /**
         * The page after the one that gave this cursor.
         *
         * @param cursor a page's {@link JournalPage#nextCursor()}
         * @return this builder
         * @throws IllegalArgumentException when the text is not a cursor
         */
        public Builder after(String cursor) {
            this.after = JournalCursor.parse(cursor);
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public JournalQuery build() {
            return new JournalQuery(this);
        }
    }
}
