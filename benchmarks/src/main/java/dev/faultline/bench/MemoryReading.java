package dev.faultline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The heap in use after a full collection, and the process's resident set size (which also
 * holds thread stacks and the direct buffers of Netty, outside the heap).
 *
 * @param heapUsed bytes of heap in use after {@code System.gc()}
 * @param rss the resident set size in bytes, or -1 when {@code /proc} cannot be read
 */
record MemoryReading(long heapUsed, long rss) {

    /**
     * Collects garbage (twice, with a pause) and reads.
     *
     * @return the reading
     */
    static MemoryReading read() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new MemoryReading(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), residentSetSize());
    }

    private static long residentSetSize() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
