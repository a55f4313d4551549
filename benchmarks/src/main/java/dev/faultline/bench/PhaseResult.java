package dev.faultline.bench;

import java.util.Map;

/**
 * What one phase measured.
 *
 * @param name the phase's name
 * @param runs the runs started
 * @param completed the runs that ended {@code completed}
 * @param firstFailure the first failure, or empty
 * @param wallSeconds from the first start to the last run's end
 * @param threadsBaseline the JVM's live threads before the phase built its clients
 * @param threadsPeak the JVM's peak thread count during the phase
 * @param threadsAdded the most threads the phase added at once
 * @param threadsByGroup the most added threads of each group in one sample
 * @param inFlight the runs in flight when the heap was read
 * @param heapUsed heap in use after GC with the runs in flight, in bytes
 * @param heapDelta heap after GC with the runs in flight, minus before the phase, in bytes
 * @param rssDelta resident set size then, minus before the phase, in bytes (-1 unknown)
 * @param lateness the lateness figures
 * @param requests the requests sent
 * @param maxPerSecond the most requests in any 1-second window
 * @param busiestSecondAt when that window started, in seconds after the first request
 * @param maxPer10Seconds the most requests in any 10-second window
 * @param failedCalls the calls that failed
 * @param engineAttempts the engine's own count of attempts, or -1 for no engine
 * @param cap the configured rate cap, or 0 for none
 * @param cpuSeconds CPU time this JVM used during the phase
 * @param serverCpuSeconds CPU time the LocalFis JVM used during the phase, or negative if unknown
 */
record PhaseResult(String name, int runs, int completed, String firstFailure, double wallSeconds,
        int threadsBaseline, int threadsPeak, int threadsAdded, Map<String, Integer> threadsByGroup,
        int inFlight, long heapUsed, long heapDelta, long rssDelta, Lateness lateness, int requests, int maxPerSecond, double busiestSecondAt, int maxPer10Seconds,
        long failedCalls, long engineAttempts, double cap, double cpuSeconds, double serverCpuSeconds) {

    /**
     * A copy with the CPU times.
     *
     * @param own this JVM's CPU seconds
     * @param server the LocalFis JVM's CPU seconds
     * @return the copy
     */
    PhaseResult withCpu(double own, double server) {
        return new PhaseResult(name, runs, completed, firstFailure, wallSeconds, threadsBaseline, threadsPeak,
                threadsAdded, threadsByGroup, inFlight, heapUsed, heapDelta, rssDelta, lateness, requests,
                maxPerSecond, busiestSecondAt, maxPer10Seconds, failedCalls, engineAttempts, cap, own, server);
    }

    /**
     * The mean requests per second over the phase.
     *
     * @return the rate
     */
    double meanPerSecond() {
        return wallSeconds <= 0 ? 0 : requests / wallSeconds;
    }
}
