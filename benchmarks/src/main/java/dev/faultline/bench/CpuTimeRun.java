package dev.faultline.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures {@link ReadValidateBenchmark}'s operations in CPU time of the measuring thread
 * rather than wall-clock time, for machines shared with other work, where JMH's throughput
 * mostly measures how much of a core the benchmark was given. Reports, per operation, the
 * fastest and the median of many short rounds, the ops per CPU-second they imply, and the
 * bytes allocated. Contention still costs some (caches, a shared core), so the fastest round
 * is the best estimate.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.CpuTimeRun [rounds] [operation...]
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.CpuTimeRun 30 readAndValidate
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.CpuTimeRun --print-template   # the typical template
 * }</pre>
 */
public final class CpuTimeRun {

    private static final long WARMUP_NANOS = 5_000_000_000L;
    private static final int OPS_PER_ROUND = 20_000;

    private static volatile Object sink;

    private CpuTimeRun() {}

    /**
     * Runs every operation and prints one line for each.
     *
     * @param args the number of measured rounds per operation (default 40), then the names of the
     *     operations to run (default all: read, validate, readAndValidate, readAndValidateWithoutPolicy,
     *     readBytes, readNonAsciiBytes, validateRing, buildModel);
     *     or {@code --print-template} alone, which prints the typical template and exits
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--print-template")) {
            System.out.print(ReadValidateBenchmark.TYPICAL); // for compare-botocore.sh, which feeds it to botocore
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ReadValidateBenchmark b = new ReadValidateBenchmark();
        b.setUp();
        Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
        operations.put("read", b::read);
        operations.put("validate", b::validate);
        operations.put("readAndValidate", b::readAndValidate);
        operations.put("readAndValidateWithoutPolicy", b::readAndValidateWithoutPolicy);
        operations.put("readBytes", b::readBytes);
        operations.put("readNonAsciiBytes", b::readNonAsciiBytes);
        operations.put("validateRing", b::validateRing);
        operations.put("buildModel", b::buildModel);
        if (args.length > 1) {
            List<String> wanted = Arrays.asList(args).subList(1, args.length);
            for (String name : wanted) {
                if (!operations.containsKey(name)) {
                    throw new IllegalArgumentException("unknown operation " + name + "; the operations are "
                            + operations.keySet());
                }
            }
            operations.keySet().retainAll(wanted);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (Map.Entry<String, Supplier<Object>> op : operations.entrySet()) {
            // warm up for 5 s of this thread's CPU, not of the wall clock: on a loaded machine 5 s of
            // wall time can be a fraction of a second of CPU, too little for the JIT to finish
            long end = threads.getCurrentThreadCpuTime() + WARMUP_NANOS;
            while (threads.getCurrentThreadCpuTime() < end) {
                run(op.getValue(), 1000);
            }
            double[] micros = new double[rounds];
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(thread);
                run(op.getValue(), OPS_PER_ROUND);
                micros[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / OPS_PER_ROUND;
                bytes = (threads.getThreadAllocatedBytes(thread) - allocated) / OPS_PER_ROUND;
            }
            Arrays.sort(micros);
            System.out.printf("%-30s fastest %6.2f us (%,8.0f ops/cpu-s)  median %6.2f us (%,8.0f ops/cpu-s)  %,6d B/op%n",
                    op.getKey(), micros[0], 1e6 / micros[0], micros[rounds / 2], 1e6 / micros[rounds / 2], bytes);
        }
    }

    private static void run(Supplier<Object> op, int times) {
        for (int i = 0; i < times; i++) {
            sink = op.get();
        }
    }
}
