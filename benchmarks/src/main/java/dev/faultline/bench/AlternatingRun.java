package dev.faultline.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares one {@link ReadValidateBenchmark} operation from two class paths, "before" and
 * "after" (say, the benchmarks jar of main and that jar behind a directory of changed classes),
 * in one JVM, in alternating rounds, in CPU time of the measuring thread. On a shared machine two
 * separate JVMs differ by more than most changes; alternating rounds in one JVM share the
 * machine's state, so their difference is the change's. Each class path has its own class
 * loader, so each side is compiled by the JIT on its own. The operation is called by
 * reflection on both sides, which adds the same small cost to each.
 *
 * <p>It prints each side's fastest and median round and, steadiest on a noisy host, the median of
 * the after/before ratios within a round (both sides run back to back in each round).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.AlternatingRun 20 readAndValidate \
 *     /tmp/before.jar benchmarks/target/benchmarks.jar
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.AlternatingRun 20 read \
 *     benchmarks/target/benchmarks.jar /tmp/changed-classes:benchmarks/target/benchmarks.jar
 * }</pre>
 */
public final class AlternatingRun {

    private static final long WARMUP_NANOS = 10_000_000_000L;
    /** Operations per round; {@code -Dfaultline.bench.ops=N} sets another (shorter rounds catch more quiet moments). */
    private static final int OPS_PER_ROUND = Integer.getInteger("faultline.bench.ops", 20_000);

    private static volatile Object sink;

    private AlternatingRun() {}

    /**
     * Runs the comparison and prints one line per side.
     *
     * @param args the number of rounds per side, the operation (read, validate, readAndValidate,
     *     readAndValidateWithoutPolicy), the "before" class path and the "after" class path
     *     (each a list of jars and directories separated by ':')
     * @throws Exception if a class path does not hold the benchmark
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: AlternatingRun ROUNDS OPERATION BEFORE_CLASSPATH AFTER_CLASSPATH");
        }
        int rounds = Integer.parseInt(args[0]);
        Object[] benchmarks = new Object[2];
        Method[] operations = new Method[2];
        for (int side = 0; side < 2; side++) {
            ClassLoader loader = new URLClassLoader(urls(args[2 + side]), ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(ReadValidateBenchmark.class.getName());
            benchmarks[side] = type.getConstructor().newInstance();
            type.getMethod("setUp").invoke(benchmarks[side]);
            operations[side] = type.getMethod(args[1]);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long end = threads.getCurrentThreadCpuTime() + WARMUP_NANOS; // about 5 s of this thread's CPU for each side
        while (threads.getCurrentThreadCpuTime() < end) {
            run(operations[0], benchmarks[0], 1000);
            run(operations[1], benchmarks[1], 1000);
        }
        double[][] micros = new double[2][rounds];
        long[] bytes = new long[2];
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < 2; turn++) {
                int side = r % 2 == 0 ? turn : 1 - turn; // before first in even rounds, after first in odd ones
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(thread);
                run(operations[side], benchmarks[side], OPS_PER_ROUND);
                micros[side][r] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / OPS_PER_ROUND;
                bytes[side] = (threads.getThreadAllocatedBytes(thread) - allocated) / OPS_PER_ROUND;
            }
        }
        String[] names = {"before", "after"};
        for (int side = 0; side < 2; side++) {
            double[] sorted = micros[side].clone();
            Arrays.sort(sorted);
            System.out.printf("%-6s %-28s fastest %6.2f us  median %6.2f us  %,6d B/op%n",
                    names[side], args[1], sorted[0], sorted[rounds / 2], bytes[side]);
        }
        // each round runs both sides back to back, so the ratio within a round cancels what the
        // machine does over longer spans; its median is the steadiest figure of the three
        double[] ratios = new double[rounds];
        int faster = 0;
        for (int r = 0; r < rounds; r++) {
            ratios[r] = micros[1][r] / micros[0][r];
            faster += micros[1][r] < micros[0][r] ? 1 : 0;
        }
        Arrays.sort(ratios);
        System.out.printf("after/before within a round: median %.3f (quartiles %.3f, %.3f); after faster in %d of %d rounds%n",
                ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], faster, rounds);
    }

    private static URL[] urls(String classPath) throws MalformedURLException {
        String[] parts = classPath.split(":");
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        return urls;
    }

    private static void run(Method operation, Object benchmark, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            sink = operation.invoke(benchmark);
        }
    }
}
