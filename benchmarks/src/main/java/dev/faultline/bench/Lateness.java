package dev.faultline.bench;

import dev.faultline.core.engine.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How late each state change of the experiments was seen: the time the watcher first knew of
 * it (a state at or past it) minus the time it happened in LocalFis, both on the system clock
 * of this machine. LocalFis records the exact times of the changes: the experiment's
 * {@code startTime} (it became {@code initiating}), its action's {@code startTime} (it became
 * {@code running}) and its {@code endTime} (it became {@code completed}).
 */
final class Lateness {

    /** The state changes measured, in the order they happen. */
    static final List<RunState> CHANGES = List.of(RunState.INITIATING, RunState.RUNNING, RunState.COMPLETED);

    private final Map<RunState, List<Long>> micros = new EnumMap<>(RunState.class);
    private final double factor;
    private int missing;

    /**
     * Creates an empty record.
     *
     * @param factor the shared clock's factor
     */
    Lateness(double factor) {
        this.factor = factor;
        CHANGES.forEach(s -> micros.put(s, new ArrayList<>()));
    }

    /**
     * How far along a state is: pending 0, initiating 1, running 2, stopping 3, any end 4.
     *
     * @param state the state
     * @return the rank
     */
    static int rank(RunState state) {
        switch (state) {
            case PENDING:
                return 0;
            case INITIATING:
                return 1;
            case RUNNING:
                return 2;
            case STOPPING:
                return 3;
            default:
                return 4;
        }
    }

    /**
     * Adds one run's figures.
     *
     * @param happened when each change happened in LocalFis (null when it did not)
     * @param seen when the watcher first saw a state at or past each change (null when never)
     */
    synchronized void add(Map<RunState, Instant> happened, Map<RunState, Instant> seen) {
        for (RunState s : CHANGES) {
            Instant h = happened.get(s);
            Instant w = seen.get(s);
            if (h == null || w == null) {
                missing++;
                continue;
            }
            micros.get(s).add((long) (Duration.between(h, w).toNanos() / factor / 1000));
        }
    }

    /**
     * Finds, for each measured change, the first time a state at or past it was seen.
     *
     * @param observations the states seen, with their times, in order
     * @return change → time
     */
    static Map<RunState, Instant> firstSeen(List<Map.Entry<RunState, Instant>> observations) {
        Map<RunState, Instant> out = new EnumMap<>(RunState.class);
        for (Map.Entry<RunState, Instant> o : observations) {
            for (RunState s : CHANGES) {
                if (rank(o.getKey()) >= rank(s) && !out.containsKey(s)) {
                    out.put(s, o.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The changes that could not be measured (a run that failed or skipped a state's time).
     *
     * @return the count
     */
    synchronized int missing() {
        return missing;
    }

    /**
     * The figures of one kind of change.
     *
     * @param change the change
     * @param target the lateness target
     * @return the statistics
     */
    synchronized Stats stats(RunState change, Duration target) {
        return Stats.of(micros.get(change), target);
    }

    /**
     * The figures of every change together.
     *
     * @param target the lateness target
     * @return the statistics
     */
    synchronized Stats all(Duration target) {
        List<Long> every = new ArrayList<>();
        micros.values().forEach(every::addAll);
        return Stats.of(every, target);
    }

    /**
     * Lateness statistics, in milliseconds.
     *
     * @param count how many changes
     * @param p50 the median
     * @param p99 the 99th percentile
     * @param max the largest
     * @param over how many were later than the target
     */
    record Stats(int count, double p50, double p99, double max, int over) {

        static Stats of(List<Long> values, Duration target) {
            long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
            if (v.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            long limit = target.toNanos() / 1000;
            int over = (int) Arrays.stream(v).filter(x -> x > limit).count();
            return new Stats(v.length, at(v, 0.50), at(v, 0.99), v[v.length - 1] / 1000.0, over);
        }

        private static double at(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
        }

        /**
         * The share within the target.
         *
         * @return a percentage
         */
        double withinPercent() {
            return count == 0 ? Double.NaN : 100.0 * (count - over) / count;
        }
    }
}
