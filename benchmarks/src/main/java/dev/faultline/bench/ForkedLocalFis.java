package dev.faultline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link LocalFisServer} in a child JVM on this JVM's class path and reads its endpoint;
 * closing it closes the child's standard input and waits for it to end.
 */
final class ForkedLocalFis implements AutoCloseable {

    private static final Pattern LINE = Pattern.compile("endpoint=(\\S+) alarm=(\\S+)");

    private final Process process;
    private final Path output;
    private final URI endpoint;
    private final String alarmArn;

    /**
     * Starts the child and waits (up to a minute) for its endpoint.
     *
     * @param instances how many instances each cell's inventory holds
     * @param clock the clock it runs on
     * @param cells how many LocalFis cells (5 concurrent runs each at most)
     */
    ForkedLocalFis(int instances, SharedClock clock, int cells) {
        try {
            output = Files.createTempFile("bench-localfis", ".out");
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                    LocalFisServer.class.getName(), Integer.toString(instances), clock.origin().toString(),
                    Double.toString(clock.factor()), Integer.toString(cells))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            Matcher found = null;
            while (found == null) {
                List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                for (String line : lines) {
                    Matcher m = LINE.matcher(line);
                    if (m.find()) {
                        found = m;
                    }
                }
                if (found == null) {
                    if (!process.isAlive() || System.nanoTime() > end) {
                        process.destroy();
                        throw new IllegalStateException("LocalFis did not start; its output: " + lines);
                    }
                    Thread.sleep(50);
                }
            }
            endpoint = URI.create(found.group(1));
            alarmArn = found.group(2);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fork LocalFis", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while LocalFis started", e);
        }
    }

    /**
     * The child's endpoint.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    URI endpoint() {
        return endpoint;
    }

    /**
     * The ARN of the stop-condition alarm in the child.
     *
     * @return the ARN
     */
    String alarmArn() {
        return alarmArn;
    }

    /**
     * The child's process id, to say which process was measured apart.
     *
     * @return the pid
     */
    long pid() {
        return process.pid();
    }

    /**
     * The CPU time the child has used so far (user and system), from {@code /proc}.
     *
     * @return nanoseconds, or -1 when {@code /proc} cannot be read
     */
    long cpuNanos() {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) in clock ticks, 100 per second on Linux
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
