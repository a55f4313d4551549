package dev.faultline.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.UnscheduledAction;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of large template JSON, far beyond the 4 KB of a real one: thousands of
 * actions whose {@code startAfter} forms long chains, one long cycle or many short ones, random
 * DAGs or references to actions that do not exist; many targets and tags; malformed list
 * elements the reader skips; over-long and escaped names. Every shape FIS refuses but a hostile
 * user can write, for property tests and the fuzz target that bound the cost of such input.
 */
public final class LargeTemplates {

    /** How the actions' startAfter references are laid out. */
    public enum Shape {
        /** No startAfter: every action at once. */
        PARALLEL,
        /** Each action after the one before. */
        CHAIN,
        /** One cycle through every action. */
        CYCLE,
        /** Many short cycles. */
        MANY_CYCLES,
        /** Each action after up to four random earlier ones. */
        DAG,
        /** Each action after one that does not exist. */
        UNKNOWN,
        /** Each action's references drawn from the other shapes. */
        MIXED
    }

    /** Allocation allowed per byte of input; the hostile-input benchmark sees 14 to 48. */
    public static final long BYTES_PER_INPUT_BYTE = 100;
    /** Allocation allowed whatever the size, for the catalog's first use and the like. */
    public static final long FIXED_MB = 48;
    /** The longest message or hint allowed; the longest real one is well under it. */
    public static final int MAX_TEXT = 2000;

    private static final List<String> INTERNAL = List.of("json.reader-failed", "template.rule-failed");
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LargeTemplates() {}

    /**
     * Reads, validates, caps and plans a template, and fails unless the bytes this thread
     * allocated stay under {@value #BYTES_PER_INPUT_BYTE} per input character plus
     * {@value #FIXED_MB} MB, no reader or rule crashed, every message and hint is at most
     * {@value #MAX_TEXT} characters, the capped view keeps at most 20 per code and counts the rest,
     * and no unscheduled cycle names more than {@link UnscheduledAction#MAX_RELATED} actions.
     *
     * @param json the template text
     * @param context what to say on failure (the seed)
     */
    public static void checkBoundedCost(String json, String context) {
        WarmedUp.DONE.hashCode(); // the catalog and the classes loaded once, outside the measurement
        long before = THREADS.getCurrentThreadAllocatedBytes();
        ReadResult read = TemplateJson.read(json);
        ValidationResult all = read.validate(Validator.standard());
        CappedResult shown = all.capped(CappedResult.DEFAULT_MAX_PER_CODE);
        ExperimentPlan plan = read.experiment().map(ExperimentPlan::of).orElse(null);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        long bound = BYTES_PER_INPUT_BYTE * json.length() + (FIXED_MB << 20);
        assertThat(allocated).as(context + "bytes allocated for %,d chars of input (bound %,d)", json.length(), bound)
                .isLessThanOrEqualTo(bound);
        assertThat(all.violations()).as(context).noneMatch(v -> INTERNAL.contains(v.code()));
        for (Violation v : all.violations()) {
            assertThat(v.path()).as(context).matches("|/.*");
            assertThat(v.message().length()).as(context + "message of %s", v.code()).isLessThanOrEqualTo(MAX_TEXT);
            assertThat(v.hint().orElse("").length()).as(context + "hint of %s", v.code()).isLessThanOrEqualTo(MAX_TEXT);
        }
        Map<String, Integer> perCode = new HashMap<>();
        shown.violations().forEach(v -> perCode.merge(v.code(), 1, Integer::sum));
        assertThat(perCode.values()).as(context).allMatch(n -> n <= CappedResult.DEFAULT_MAX_PER_CODE);
        assertThat(shown.violations().size() + shown.omittedCount()).as(context).isEqualTo(all.violations().size());
        if (plan != null) {
            assertThat(plan.unscheduledActions()).filteredOn(u -> u.reason() == UnscheduledAction.Reason.CYCLE).as(context)
                    .allSatisfy(u -> assertThat(u.related()).hasSizeLessThanOrEqualTo(UnscheduledAction.MAX_RELATED + 1));
        }
    }

    /**
     * A large template drawn from the generator.
     *
     * @param random the generator
     * @param maxActions the most actions (at least 1)
     * @param maxTags the most tags
     * @return the JSON text
     */
    public static String generate(SplittableRandom random, int maxActions, int maxTags) {
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        int n = 1 + random.nextInt(Math.max(1, maxActions));
        int targets = 1 + random.nextInt(Math.max(1, n / 10));
        int tags = random.nextInt(4) == 0 ? random.nextInt(maxTags + 1) : random.nextInt(60);
        return generate(random, shape, n, targets, tags);
    }

    /**
     * A large template of a given shape.
     *
     * @param random the generator of the details
     * @param shape the startAfter layout
     * @param actions the number of actions
     * @param targets the number of targets
     * @param tags the number of tags
     * @return the JSON text
     */
    public static String generate(SplittableRandom random, Shape shape, int actions, int targets, int tags) {
        String[] names = new String[actions];
        for (int i = 0; i < actions; i++) {
            names[i] = name(random, "a", i);
        }
        StringBuilder b = new StringBuilder(actions * 120 + tags * 20 + 256);
        b.append("{\"description\":\"large\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"stopConditions\":[");
        if (random.nextInt(4) == 0) {
            b.append("5,null,"); // skipped by the reader: later paths must still point at the right element
        }
        b.append("{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"")
                .append(random.nextBoolean() ? "arn:aws:cloudwatch:us-east-1:123456789012:alarm:a" : "not-an-arn")
                .append("\"}],\"targets\":{");
        for (int t = 0; t < targets; t++) {
            b.append(t == 0 ? "" : ",").append("\"t").append(t).append("\":{\"resourceType\":\"aws:ec2:instance\","
                    + "\"resourceTags\":{\"Role\":\"x\"},\"selectionMode\":\"").append(random.nextBoolean() ? "ALL" : "COUNT(1)")
                    .append("\"}");
        }
        b.append("},\"actions\":{");
        for (int i = 0; i < actions; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":");
            action(b, random, i, names, shape, targets);
        }
        b.append("},\"tags\":{");
        for (int i = 0; i < tags; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(random.nextInt(50) == 0 ? "aws:" : "k").append(i)
                    .append("\":\"v\"");
        }
        return b.append("}}").toString();
    }

    /** Loads the catalog and the reader's, validator's and plan's classes by using them once. */
    private static final class WarmedUp {
        static final Object DONE = warmUp();

        private static Object warmUp() {
            for (Shape shape : Shape.values()) {
                ReadResult read = TemplateJson.read(generate(new SplittableRandom(1), shape, 50, 3, 60));
                read.validate(Validator.standard()).capped(CappedResult.DEFAULT_MAX_PER_CODE);
                read.experiment().ifPresent(ExperimentPlan::of);
            }
            return Boolean.TRUE;
        }
    }

    private static void action(StringBuilder b, SplittableRandom random, int i, String[] names, Shape shape, int targets) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            b.append("{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT").append(1 + random.nextInt(30))
                    .append("M\"}");
        } else if (kind < 9) {
            b.append("{\"actionId\":\"aws:ec2:stop-instances\",\"targets\":{\"Instances\":\"t")
                    .append(random.nextInt(targets + 1)).append("\"}");
        } else {
            b.append("{\"actionId\":\"aws:fis:melt-").append(i).append('"');
        }
        String after = startAfter(random, i, names, shape);
        if (after != null) {
            b.append(",\"startAfter\":[");
            if (random.nextInt(20) == 0) {
                b.append("null,");
            }
            b.append(after).append(']');
        }
        b.append('}');
    }

    /** The startAfter list's elements, or null for none. */
    private static String startAfter(SplittableRandom random, int i, String[] names, Shape shape) {
        int n = names.length;
        switch (shape == Shape.MIXED ? Shape.values()[random.nextInt(Shape.values().length - 1)] : shape) {
            case CHAIN:
                return i == 0 ? null : quoted(names[i - 1]);
            case CYCLE:
                return quoted(names[(i + 1) % n]);
            case MANY_CYCLES:
                int size = 2 + (i % 7);
                int start = i - i % size;
                return quoted(names[Math.min(n - 1, start + (i - start + 1) % size)]);
            case DAG:
                if (i == 0) {
                    return null;
                }
                StringBuilder refs = new StringBuilder();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    refs.append(refs.length() == 0 ? "" : ",").append(quoted(names[random.nextInt(i)]));
                }
                return refs.toString();
            case UNKNOWN:
                return quoted("missing-" + random.nextInt(n + 1));
            default:
                return null;
        }
    }

    private static String name(SplittableRandom random, String prefix, int i) {
        int kind = random.nextInt(50);
        if (kind == 0) {
            return prefix + i + "-" + "x".repeat(70); // over FIS's 64
        }
        if (kind == 1) {
            return prefix + "/" + i + "~"; // escaped in JSON Pointers
        }
        return prefix + i;
    }

    private static String quoted(String s) {
        return '"' + s + '"';
    }
}
