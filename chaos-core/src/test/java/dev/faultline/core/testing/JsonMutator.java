package dev.faultline.core.testing;

import dev.faultline.core.testing.JsonTree.Arr;
import dev.faultline.core.testing.JsonTree.Member;
import dev.faultline.core.testing.JsonTree.Node;
import dev.faultline.core.testing.JsonTree.Obj;
import dev.faultline.core.testing.JsonTree.Raw;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded mutations of template JSON, for robustness properties: fields dropped, duplicated,
 * renamed with typos or given a value of another JSON type, values replaced by deep nesting,
 * and text truncated or interleaved with garbage. Each mutation says what it did, for the
 * failure message.
 *
 * <pre>{@code
 * JsonMutator.Mutated m = JsonMutator.mutate(json, JsonMutator.Kind.RETYPE, new SplittableRandom(seed));
 * TemplateJson.read(m.text());
 * }</pre>
 */
public final class JsonMutator {

    /** A kind of mutation. */
    public enum Kind {
        /** Removes a field of some object. */
        DROP_FIELD,
        /** Repeats a field of some object, with the same or another value. */
        DUPLICATE_FIELD,
        /** Replaces a value by one of another JSON type (string, number, object, array, null, boolean). */
        RETYPE,
        /** Misspells a field name: a character dropped, added, changed or swapped, case, {@code /} or {@code ~}. */
        RENAME,
        /** Replaces a scalar by an extreme one of the same type: huge, tiny or negative numbers, odd text. */
        BOUNDARY_VALUE,
        /** Replaces a value by arrays or objects nested up to thousands deep. */
        DEEP_NESTING,
        /** Cuts the text at a random point. */
        TRUNCATE,
        /** Inserts random characters at a random point. */
        GARBAGE
    }

    /**
     * The result of mutating: the text and what was done to it.
     *
     * @param text the mutated JSON text (possibly not JSON any more)
     * @param steps the mutations applied, in order, for messages
     */
    public record Mutated(String text, List<String> steps) {}

    private static final String[] STRINGS = {"", "x", "PT5M", "COUNT(2)", "PERCENT(20)", "aws:ec2:stop-instances",
        "arn:aws:iam::123456789012:role/r", "ünï©ødé 🙂", "\u0000", "1e999", "true", "<YOUR ACCOUNT>", "${Var}"};
    private static final String[] NUMBERS = {"0", "-0", "-1", "1.5", "2", "1e999", "-1e999", "1e-999", "1E+3",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "2147483648",
        "1e18", "1e100000000", "-1e100000000", "0.000000001", "1700000000.123456789"};
    private static final String[] OBJECTS = {"{}", "{\"a\":1}", "{\"source\":\"none\"}", "{\"experimentTemplate\":{}}",
        "{\"\":null}"};
    private static final String[] ARRAYS = {"[]", "[1,\"a\",null]", "[{}]", "[[]]", "[\"PT5M\"]"};
    private static final String[] OTHERS = {"null", "true", "false"};
    private static final String[][] TYPES = {STRINGS, NUMBERS, OBJECTS, ARRAYS, OTHERS};
    private static final String[] EXTREME_NUMBERS = {"1e18", "-1e18", "31556889864403200", "-31557014167219201",
        "1e1000000", "-1e1000000", "1e-1000000", "-1.5e-1000000", "9.999999999e16", "2147483647", "-2147483648",
        "4294967296", "-0.0", "1E-7", "0.999999999999", "1" + "0".repeat(900), "0." + "0".repeat(900) + "1"};
    private static final String[] EXTREME_STRINGS = {"\"\"", "\" \"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
        "\"\\u0000\"", "\"" + "x".repeat(10_000) + "\"", "\"PT9999999999999999999H\"", "\"P-1D\"",
        "\"COUNT(-1)\"", "\"PERCENT(9223372036854775808)\"", "\"+1000000000-12-31T23:59:59Z\"",
        "\"arn:\"", "\"arn:::::\"", "\"<\"", "\"${\"", "\"aws:\"", "\"~0~1/\""};
    private static final int[] DEPTHS = {2, 10, 100, 499, 500, 501, 999, 1000, 1001, 3000};
    private static final String GARBAGE = "{}[]\",:\\/~0123456789eE+-.truefalsenul \t\n\u0000\u00e9\u2028\ud83d\ude00";

    private JsonMutator() {}

    /**
     * The extreme numbers that {@link Kind#BOUNDARY_VALUE} puts in place of numbers.
     *
     * @return the numbers as JSON text
     */
    public static List<String> extremeNumbers() {
        return List.of(EXTREME_NUMBERS);
    }

    /**
     * Applies one mutation of the given kind.
     *
     * @param json well-formed JSON text
     * @param kind the kind of mutation
     * @param random the seeded random that decides where and how
     * @return the mutated text
     */
    public static Mutated mutate(String json, Kind kind, SplittableRandom random) {
        Objects.requireNonNull(json, "json");
        List<String> steps = new ArrayList<>();
        if (kind == Kind.TRUNCATE || kind == Kind.GARBAGE) {
            return new Mutated(text(json, kind, random, steps), steps);
        }
        Node root = JsonTree.parse(json);
        tree(root, kind, random, steps);
        return new Mutated(JsonTree.write(root, random.nextBoolean()), steps);
    }

    /**
     * Applies one to four tree mutations of random kinds and, one time in three, a text mutation.
     *
     * @param json well-formed JSON text
     * @param random the seeded random
     * @return the mutated text
     */
    public static Mutated mixed(String json, SplittableRandom random) {
        List<String> steps = new ArrayList<>();
        Node root = JsonTree.parse(json);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            tree(root, Kind.values()[random.nextInt(Kind.DEEP_NESTING.ordinal() + 1)], random, steps);
        }
        String text = JsonTree.write(root, random.nextBoolean());
        if (random.nextInt(3) == 0) {
            text = text(text, random.nextBoolean() ? Kind.TRUNCATE : Kind.GARBAGE, random, steps);
        }
        return new Mutated(text, steps);
    }

    private static String text(String json, Kind kind, SplittableRandom random, List<String> steps) {
        int at = random.nextInt(json.length() + 1);
        if (kind == Kind.TRUNCATE) {
            steps.add("truncate at " + at + " of " + json.length());
            return json.substring(0, at);
        }
        StringBuilder junk = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            junk.append(GARBAGE.charAt(random.nextInt(GARBAGE.length())));
        }
        steps.add("insert " + escape(junk.toString()) + " at " + at);
        return json.substring(0, at) + junk + json.substring(at);
    }

    private static void tree(Node root, Kind kind, SplittableRandom random, List<String> steps) {
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        List<Slot> fields = new ArrayList<>();
        slots.forEach(s -> {
            if (s.obj != null) {
                fields.add(s);
            }
        });
        List<Slot> pool = kind == Kind.RETYPE || kind == Kind.DEEP_NESTING ? slots : fields;
        if (kind == Kind.BOUNDARY_VALUE) {
            pool = scalars(slots, random.nextBoolean());
        }
        if (pool.isEmpty()) {
            steps.add(kind + ": nothing to mutate");
            return;
        }
        Slot slot = pool.get(random.nextInt(pool.size()));
        switch (kind) {
            case DROP_FIELD:
                slot.obj.members.remove(slot.index);
                steps.add("drop " + slot.path);
                break;
            case DUPLICATE_FIELD:
                Member m = slot.obj.members.get(slot.index);
                Node value = random.nextBoolean() ? m.value.copy() : other(m.value, random);
                slot.obj.members.add(random.nextInt(slot.obj.members.size() + 1), new Member(m.name, value));
                steps.add("duplicate " + slot.path);
                break;
            case RETYPE:
                slot.set(other(slot.get(), random));
                steps.add("retype " + slot.path + " to " + escape(JsonTree.write(slot.get(), false)));
                break;
            case BOUNDARY_VALUE:
                slot.set(extreme(slot.get(), random));
                steps.add("set " + slot.path + " to " + escape(shorten(JsonTree.write(slot.get(), false))));
                break;
            case RENAME:
                Member renamed = slot.obj.members.get(slot.index);
                renamed.name = typo(renamed.name, random);
                steps.add("rename " + slot.path + " to " + escape(renamed.name));
                break;
            default:
                int depth = DEPTHS[random.nextInt(DEPTHS.length)];
                slot.set(new Raw(nested(depth, random.nextInt(3))));
                steps.add("nest " + slot.path + " " + depth + " deep");
                break;
        }
    }

    /** A value of another JSON type than the given one. */
    private static Node other(Node value, SplittableRandom random) {
        int type = typeOf(value);
        int pick = random.nextInt(TYPES.length - 1);
        String[] values = TYPES[pick >= type ? pick + 1 : pick];
        return new Raw(values[random.nextInt(values.length)]);
    }

    /** The slots holding scalars, or only numbers (fewer, but read with arithmetic) when there are any. */
    private static List<Slot> scalars(List<Slot> slots, boolean numbersOnly) {
        List<Slot> scalars = new ArrayList<>();
        List<Slot> numbers = new ArrayList<>();
        for (Slot s : slots) {
            if (s.get() instanceof Raw) {
                scalars.add(s);
                if (typeOf(s.get()) == 1) {
                    numbers.add(s);
                }
            }
        }
        return numbersOnly && !numbers.isEmpty() ? numbers : scalars;
    }

    /** An extreme value of the same JSON type. */
    private static Node extreme(Node value, SplittableRandom random) {
        switch (typeOf(value)) {
            case 0:
                return new Raw(EXTREME_STRINGS[random.nextInt(EXTREME_STRINGS.length)]);
            case 1:
                return new Raw(EXTREME_NUMBERS[random.nextInt(EXTREME_NUMBERS.length)]);
            default:
                return new Raw(OTHERS[random.nextInt(OTHERS.length)]);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + " chars)" : s;
    }

    private static int typeOf(Node value) {
        if (value instanceof Obj) {
            return 2;
        }
        if (value instanceof Arr) {
            return 3;
        }
        char c = ((Raw) value).json.isEmpty() ? 'n' : ((Raw) value).json.charAt(0);
        return c == '"' ? 0 : c == '-' || Character.isDigit(c) ? 1 : c == '{' ? 2 : c == '[' ? 3 : 4;
    }

    private static String typo(String name, SplittableRandom random) {
        int at = name.isEmpty() ? 0 : random.nextInt(name.length());
        String letter = String.valueOf((char) ('a' + random.nextInt(26)));
        switch (random.nextInt(9)) {
            case 0:
                return name.isEmpty() ? "x" : name.substring(0, at) + name.substring(at + 1);
            case 1:
                return name.substring(0, at) + letter + name.substring(at);
            case 2:
                return name.isEmpty() ? letter : name.substring(0, at) + letter + name.substring(at + 1);
            case 3:
                return name.length() < 2 || at == name.length() - 1 ? name + "s"
                        : name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
            case 4:
                return name.toUpperCase(java.util.Locale.ROOT);
            case 5:
                return name.substring(0, at) + (random.nextBoolean() ? "/" : "~") + name.substring(at);
            case 6:
                return "";
            case 7:
                return " " + name;
            default:
                return name + "\u00e9\ud83d\ude00";
        }
    }

    private static String nested(int depth, int shape) {
        StringBuilder s = new StringBuilder(depth * 6 + 2);
        for (int i = 0; i < depth; i++) {
            s.append(shape == 0 || shape == 2 && i % 2 == 0 ? "[" : "{\"a\":");
        }
        s.append("\"deep\"");
        for (int i = depth - 1; i >= 0; i--) {
            s.append(shape == 0 || shape == 2 && i % 2 == 0 ? "]" : "}");
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append("'").toString();
    }

    private static void collect(Node node, String path, List<Slot> out) {
        if (node instanceof Obj) {
            Obj o = (Obj) node;
            for (int i = 0; i < o.members.size(); i++) {
                String at = path + "/" + o.members.get(i).name;
                out.add(new Slot(o, null, i, at));
                collect(o.members.get(i).value, at, out);
            }
        } else if (node instanceof Arr) {
            Arr a = (Arr) node;
            for (int i = 0; i < a.items.size(); i++) {
                out.add(new Slot(null, a, i, path + "/" + i));
                collect(a.items.get(i), path + "/" + i, out);
            }
        }
    }

    /** A place in the tree: a member of an object or an item of an array. */
    private static final class Slot {
        final Obj obj;
        final Arr arr;
        final int index;
        final String path;

        Slot(Obj obj, Arr arr, int index, String path) {
            this.obj = obj;
            this.arr = arr;
            this.index = index;
            this.path = path;
        }

        Node get() {
            return obj != null ? obj.members.get(index).value : arr.items.get(index);
        }

        void set(Node value) {
            if (obj != null) {
                obj.members.get(index).value = value;
            } else {
                arr.items.set(index, value);
            }
        }
    }
}
