package dev.faultline.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records when every AWS request is sent (each attempt, SDK retries included) and counts the
 * calls that failed, so that the calls per second a client made can be judged afterwards. The
 * time stamps go into an array sized up front, so recording allocates nothing on the heap
 * being measured.
 */
final class CallRecorder implements ExecutionInterceptor {

    private final long[] sent;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong failed = new AtomicLong();

    /**
     * Creates a recorder.
     *
     * @param capacity the most requests recorded; later ones are counted as over capacity
     */
    CallRecorder(int capacity) {
        this.sent = new long[capacity];
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int i = count.getAndIncrement();
        if (i < sent.length) {
            sent[i] = System.nanoTime();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        failed.incrementAndGet();
    }

    /** Forgets what was recorded; call it only while no request is in flight. */
    void reset() {
        count.set(0);
        failed.set(0);
    }

    /**
     * How many requests were sent.
     *
     * @return the count
     */
    int requests() {
        return count.get();
    }

    /**
     * How many calls failed (after the SDK's own retries, if any).
     *
     * @return the count
     */
    long failures() {
        return failed.get();
    }

    /**
     * The most requests sent within any window of the given length: for each request, the
     * requests sent in the half-open window that starts at it.
     *
     * @param window the window, for example 1
     * @param unit its unit, for example seconds
     * @return the maximum count
     * @throws IllegalStateException when more requests were made than the recorder holds
     */
    int maxInWindow(long window, TimeUnit unit) {
        return busiestWindow(window, unit)[0];
    }

    /**
     * The busiest window: how many requests it holds and when it starts, in milliseconds after
     * the first request.
     *
     * @param window the window, for example 1
     * @param unit its unit, for example seconds
     * @return {count, start offset in ms}
     * @throws IllegalStateException when more requests were made than the recorder holds
     */
    int[] busiestWindow(long window, TimeUnit unit) {
        int n = count.get();
        if (n > sent.length) {
            throw new IllegalStateException("Recorded " + sent.length + " of " + n + " requests; raise the capacity");
        }
        long[] times = Arrays.copyOf(sent, n);
        Arrays.sort(times);
        long span = unit.toNanos(window);
        int best = 0;
        long at = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j < n && times[j] - times[i] < span) {
                j++;
            }
            if (j - i > best) {
                best = j - i;
                at = times[i] - times[0];
            }
        }
        return new int[] {best, (int) (at / 1_000_000)};
    }
}
