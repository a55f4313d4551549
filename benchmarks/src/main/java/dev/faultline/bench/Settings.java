package dev.faultline.bench;

import java.time.Duration;
import java.util.Set;

/**
 * What one benchmark run does.
 *
 * @param runs how many concurrent runs each phase starts
 * @param action how long each experiment's action lasts on the shared clock: the instance is
 *     stopped and restarted after it (at least PT1M, the shortest FIS allows)
 * @param factor how much faster than real time the shared clock runs (at least 1)
 * @param poll the poll interval of every watcher (the engine's normal and fast interval, and
 *     the blocking loop's sleep)
 * @param followRate the engine's rate cap in the phase meant to meet the lateness target
 * @param cappedRate the engine's rate cap in the phase that cannot follow every run each poll
 * @param phases which phases to run: {@code follow}, {@code capped}, {@code blocking}
 * @param journal the engine phases' run journal URL ({@code jdbc:sqlite:FILE},
 *     {@code jdbc:postgresql://…}, {@code file:DIR}), or null for none
 */
record Settings(int runs, Duration action, double factor, Duration poll, double followRate, double cappedRate, Set<String> phases,
        String journal) {

    /**
     * How long each experiment's action lasts in wall time.
     *
     * @return the action's duration divided by the factor
     */
    Duration hold() {
        return Duration.ofNanos((long) (action.toNanos() / factor));
    }

    /**
     * How late a change may be seen: the poll interval plus 100 ms.
     *
     * @return the target
     */
    Duration latenessTarget() {
        return poll.plusMillis(100);
    }

    /**
     * Room for every request a phase can make, with a wide margin.
     *
     * @return the capacity of a {@link CallRecorder}
     */
    int callCapacity() {
        long perRun = hold().plusSeconds(60).toMillis() / Math.max(1, poll.toMillis()) + 20;
        return (int) Math.min(20_000_000L, runs * perRun * 2 + 10_000);
    }
}
