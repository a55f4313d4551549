package dev.faultline.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a server of a long-running command ({@code local-fis}, {@code temporal-dev}) up until the
 * JVM is told to stop (Ctrl-C, SIGTERM), then closes it once.
 */
final class UntilInterrupted {

    private UntilInterrupted() {}

    /**
     * Blocks until the JVM shuts down or this thread is interrupted; the server is closed either way.
     *
     * @param server what to close
     * @param hookName the name of the shutdown hook's thread
     */
    static void serve(AutoCloseable server, String hookName) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeQuietly(server);
            stopped.countDown();
        }, hookName);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(server);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // closing a server that is going away: nothing left to tell the user
        }
    }
}
