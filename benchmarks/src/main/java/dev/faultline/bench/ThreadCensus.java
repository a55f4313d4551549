package dev.faultline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the threads a phase of the benchmark adds to the JVM: a baseline of the live threads,
 * then the JVM's peak thread count and, sampled every 50 ms, the added threads by group
 * (engine scheduler, SDK and Netty, one thread per run, other). The sampler's own thread is
 * left out of every figure.
 */
final class ThreadCensus implements AutoCloseable {

    /** The name prefix of the threads the blocking baseline starts, one per run. */
    static final String RUN_THREAD_PREFIX = "bench-run-";
    /** The name prefix of the scheduler the engine phases inject into the engine and the SDK. */
    static final String ENGINE_THREAD_PREFIX = "faultline-engine-";

    private static final String SAMPLER = "bench-thread-census";

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Set<Long> baseline = new HashSet<>();
    private final int baselineCount;
    private final Map<String, Integer> peakByGroup = new LinkedHashMap<>();
    private final AtomicInteger peakAddedSampled = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Takes the baseline and starts sampling. */
    ThreadCensus() {
        for (long id : mx.getAllThreadIds()) {
            baseline.add(id);
        }
        this.baselineCount = mx.getThreadCount();
        for (String g : new String[] {"engine scheduler", "SDK / Netty", "thread per run", "other"}) {
            peakByGroup.put(g, 0);
        }
        mx.resetPeakThreadCount();
        sampler = new Thread(this::sampleLoop, SAMPLER);
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleLoop() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes one sample now (also called at the moments the benchmark measures heap). */
    synchronized void sample() {
        Map<String, Integer> now = new LinkedHashMap<>();
        int added = 0;
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds(), 0)) {
            if (t == null || baseline.contains(t.getThreadId()) || SAMPLER.equals(t.getThreadName())) {
                continue;
            }
            added++;
            now.merge(group(t.getThreadName()), 1, Integer::sum);
        }
        now.forEach((g, n) -> peakByGroup.merge(g, n, Math::max));
        peakAddedSampled.accumulateAndGet(added, Math::max);
    }

    static String group(String name) {
        if (name.startsWith(ENGINE_THREAD_PREFIX)) {
            return "engine scheduler";
        }
        if (name.startsWith("faultline-journal-")) {
            return "journal writer";
        }
        if (name.startsWith(RUN_THREAD_PREFIX)) {
            return "thread per run";
        }
        if (name.startsWith("sdk-") || name.startsWith("aws-java-sdk") || name.contains("Netty")
                || name.contains("netty") || name.startsWith("idle-connection-reaper")) {
            return "SDK / Netty";
        }
        return "other";
    }

    /**
     * The live threads when the census started.
     *
     * @return the count
     */
    int baselineCount() {
        return baselineCount;
    }

    /**
     * The JVM's peak thread count since the census started, without the sampler.
     *
     * @return the peak
     */
    int peak() {
        return mx.getPeakThreadCount() - 1;
    }

    /**
     * The most threads added at once: the JVM's exact peak minus the baseline.
     *
     * @return the count
     */
    int peakAdded() {
        return Math.max(peak() - baselineCount, peakAddedSampled.get());
    }

    /**
     * The most added threads of each group seen in one sample.
     *
     * @return group → count
     */
    synchronized Map<String, Integer> peakByGroup() {
        return new LinkedHashMap<>(peakByGroup);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
