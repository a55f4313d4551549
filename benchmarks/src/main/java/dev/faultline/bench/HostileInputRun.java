package dev.faultline.bench;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Lints hostile templates the way {@code faultline lint} does (read, validate, print at most
 * {@value CappedResult#DEFAULT_MAX_PER_CODE} violations per code) and plans them, printing for
 * each the wall and CPU time, the bytes allocated, the peak heap and the output's size. The
 * templates: 20,000 actions that start after unknown actions, one startAfter cycle of 100,000
 * actions, 50,000 parallel actions and 1,000,000 tags. Each is read with the reader's limit raised
 * to its size (the default, 10 MiB, refuses the larger ones before reading them, which the last
 * column shows), so that what is measured is the cost of reading, checking and planning it.
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.HostileInputRun [case...]
 * }</pre>
 */
public final class HostileInputRun {

    private static final String ACTION = "{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}";
    private static final String HEAD = "{\"description\":\"hostile\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
            + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{}";

    private HostileInputRun() {}

    /**
     * Runs the cases and prints one line for each.
     *
     * @param args the names of the cases to run (default all: unknown-references, cycle, parallel, tags)
     */
    public static void main(String[] args) {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("unknown-references-20000", actions(20_000, i -> ",\"startAfter\":[\"missing" + i + "\"]"));
        cases.put("cycle-100000", actions(100_000, i -> ",\"startAfter\":[\"a" + ((i + 1) % 100_000) + "\"]"));
        cases.put("parallel-50000", actions(50_000, i -> ""));
        cases.put("tags-1000000", tags(1_000_000));
        if (args.length > 0) {
            cases.keySet().retainAll(java.util.Set.of(args));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf("%-26s %9s %8s %8s %11s %10s %10s %8s %7s  %s%n", "case", "bytes", "wall ms", "cpu ms",
                "allocated", "peak heap", "violations", "printed", "out KB", "default limit");
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            byte[] json = c.getValue();
            MemoryReading.read(); // start from a collected heap
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);

            ReadResult read = TemplateJson.read(json, Math.max(json.length, TemplateJson.DEFAULT_MAX_BYTES));
            ValidationResult result = read.validate(Validator.standard());
            CappedResult shown = result.capped(CappedResult.DEFAULT_MAX_PER_CODE);
            long out = printedBytes(c.getKey(), shown);
            int unscheduled = read.experiment().map(e -> ExperimentPlan.of(e).unscheduledActions().size()).orElse(-1);

            long wallMs = (System.nanoTime() - wall) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            long bytes = threads.getThreadAllocatedBytes(thread) - allocated;
            long peak = peakHeap();
            boolean refused = !TemplateJson.read(json).violations().withCode(ViolationCode.JSON_DOCUMENT_TOO_LARGE).isEmpty();
            System.out.printf("%-26s %,9d %,8d %,8d %,9d MB %,7d MB %,10d %,8d %,7d  %s (plan: %,d unscheduled)%n", c.getKey(),
                    json.length, wallMs, cpuMs, bytes >> 20, peak >> 20, result.violations().size(),
                    shown.violations().size() + shown.omitted().size(), out >> 10,
                    refused ? "refused unread" : "read", unscheduled);
        }
        System.out.printf("VmHWM (peak resident set of the whole run): %,d MB%n", peakRss() >> 20);
    }

    /** A template of {@code n} actions named a0, a1, ..., each with the extra fields {@code more} gives. */
    private static byte[] actions(int n, IntFunction<String> more) {
        StringBuilder b = new StringBuilder(n * 100).append(HEAD).append(",\"actions\":{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(ACTION).append(more.apply(i)).append('}');
        }
        return b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A template with one action and {@code n} tags. */
    private static byte[] tags(int n) {
        StringBuilder b = new StringBuilder(n * 20).append(HEAD).append(",\"actions\":{\"a\":").append(ACTION)
                .append("}},\"tags\":{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v").append(i).append('"');
        }
        return b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes {@code faultline lint} would print: one line per violation shown, one per code cut. */
    private static long printedBytes(String file, CappedResult shown) {
        long n = 0;
        for (Violation v : shown.violations()) {
            n += (file + ": " + v.path() + ": " + v.severity() + " " + v.code() + " " + v.message()
                    + v.hint().map(h -> " (" + h + ")").orElse("") + "\n").getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, Integer> cut : shown.omitted().entrySet()) {
            n += (file + ": " + cut.getValue() + " more " + cut.getKey() + " not shown\n").length();
        }
        return n;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
