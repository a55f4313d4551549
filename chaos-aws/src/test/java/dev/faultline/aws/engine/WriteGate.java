package dev.faultline.aws.engine;

import java.util.concurrent.CountDownLatch;

/**
 * Holds the writes of a test journal until released: {@link #pass()} marks that a writer reached
 * the gate and waits for {@link #release}; a gate made open lets every writer through.
 */
final class WriteGate {

    /** Counted down when a writer first reaches the gate. */
    final CountDownLatch holding = new CountDownLatch(1);
    /** Counted down to let the writers through. */
    final CountDownLatch release;

    WriteGate(boolean closed) {
        this.release = new CountDownLatch(closed ? 1 : 0);
    }

    /** Marks a writer at the gate and waits until it is released (or the thread is interrupted). */
    void pass() {
        holding.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
