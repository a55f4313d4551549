package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The token-level half of the template reader: a parser and the violations found so far, with
 * readers for objects, collections and scalars that report a wrong type, an unknown field or a
 * duplicate instead of throwing, and skip what they cannot use.
 */
final class JsonInput {

    final JsonParser p;
    final List<Violation> violations = new ArrayList<>();
    /** The list elements not kept, for paths into the document; see {@link SkippedElements}. */
    final SkippedElements skipped = new SkippedElements();
    /** The entries or elements of the last string collection read. */
    private String[] scratch = new String[16];

    JsonInput(JsonParser parser) {
        this.p = parser;
    }

    // ---- objects -------------------------------------------------------------------------

    /**
     * Reads one known field, positioned on its value. It is given the path of the object, not of
     * the field: the field's path ({@code parent.child(name)}) is made only where it is needed.
     */
    interface FieldReader {
        void read(String name, int index, JsonPointer parent) throws IOException;
    }

    /**
     * A walk over the fields of the object whose START_OBJECT is the current token; see
     * {@link FieldWalk}.
     */
    FieldWalk fields(JsonPointer path, List<String> known) {
        return new FieldWalk(this, path, known, null);
    }

    /** As {@link #fields(JsonPointer, List)}, from a first token already read. */
    FieldWalk fields(JsonPointer path, List<String> known, JsonToken first) {
        return new FieldWalk(this, path, known, first);
    }

    /**
     * Walks the fields of the object whose START_OBJECT is the current token, giving each known
     * field to {@code reader}, for the readers of sections most templates do not have (the hot
     * readers walk with a {@link FieldWalk} in a loop of their own, which the JIT compiles
     * whole).
     *
     * @return how many known fields were read
     */
    int fields(JsonPointer path, List<String> known, FieldReader reader) throws IOException {
        FieldWalk walk = fields(path, known);
        int read = 0;
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            reader.read(walk.name(), index, path);
            read++;
        }
        return read;
    }

    /** Reports a field that appears twice in one object. */
    void duplicateField(JsonPointer path, String name) {
        violations.add(Violation.warning(ViolationCode.JSON_FIELD_DUPLICATE, path.child(name).toString(),
                "The field appears twice; the last value wins.", "Remove one of them."));
    }

    /** The current token as a non-negative int, reporting a fraction, a negative number or one beyond the int range. */
    Integer wholeInt(JsonPointer path, String what, String hint) throws IOException {
        Long n = wholeNumber(path, what, Integer.MAX_VALUE, hint);
        return n == null ? null : n.intValue();
    }

    /**
     * The current token as a whole number from 0 to {@code max}; a fraction, a negative number
     * or a larger one is a {@code json.type} error at the field (compared by magnitude first,
     * so {@code 1e1000000} costs no more than {@code 1}).
     */
    Long wholeNumber(JsonPointer path, String what, long max, String hint) throws IOException {
        BigDecimal n = number(path);
        if (n == null) {
            return null;
        }
        ViolationCode code = null;
        String problem = null;
        if (n.signum() != 0 && n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
            code = ViolationCode.JSON_VALUE_TYPE;
            problem = "a whole number";
        } else if (n.signum() < 0) {
            code = ViolationCode.JSON_VALUE_RANGE;
            problem = "zero or more";
        } else if (n.compareTo(BigDecimal.valueOf(max)) > 0) {
            code = ViolationCode.JSON_VALUE_RANGE;
            problem = "at most " + max;
        }
        if (problem != null) {
            violations.add(Violation.error(code, path.toString(), what + " must be " + problem + ", was "
                    + JsonTexts.shortNumber(n) + ".", hint));
            return null;
        }
        return n.longValue();
    }

    // ---- collections ---------------------------------------------------------------------
    //
    // Objects go straight into the model's builders through the given consumer; strings are
    // read into this input's scratch array, which the caller copies into its builder (a loop
    // of its own rather than a callback, so that the JIT compiles each reader whole). Each
    // returns how many it kept, so that a present but empty collection can be remembered; the
    // caller clears the builder's collection first, so that of a repeated field the last value
    // wins.

    /** A reader of one element at a path, positioned on the element's START_OBJECT. */
    interface ElementReader<T> {
        T read(JsonPointer path) throws IOException;
    }

    /** Reads one value of an object map, knowing its key. */
    interface KeyedReader<T> {
        T read(String key, JsonPointer path) throws IOException;
    }

    <T> int objectMap(JsonPointer path, KeyedReader<T> element, BiConsumer<String, T> put) throws IOException {
        if (!expectObject(path)) {
            return -1;
        }
        SeenKeys keys = new SeenKeys();
        int kept = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            p.nextToken();
            JsonPointer at = path.child(key);
            if (!expectObject(at)) {
                continue;
            }
            put.accept(key, element.read(key, at));
            kept++;
            if (!keys.add(key)) {
                duplicateKey(at, key);
            }
        }
        return kept;
    }

    <T> int objectList(JsonPointer path, ElementReader<T> element, Consumer<T> add) throws IOException {
        if (!expectArray(path)) {
            return -1;
        }
        int i = 0;
        int kept = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            JsonPointer at = path.child(i);
            T value = expectObject(at) ? element.read(at) : null;
            if (value != null) {
                add.accept(value);
                kept++;
            } else {
                skipped.add(path, i);
            }
        }
        return kept;
    }

    /**
     * Reads a map of strings into this input's scratch: entry {@code i} is {@link #key(int)} and
     * {@link #value(int)}, to be copied out before the next string collection is read. A value
     * that is not a string is reported (a number or boolean kept as its text, see
     * {@link #string(JsonPointer)}), a repeated key too (both entries are given, in order).
     *
     * @return the number of entries kept, or -1 when the value is not an object
     */
    int stringMap(JsonPointer path) throws IOException {
        return stringMap(path, false);
    }

    /**
     * As {@link #stringMap(JsonPointer)}, for a map whose values name other elements of the
     * template (an action's targets): from the plain parser, each value is the interned instance
     * of the name (see {@link PlainJsonParser#vocabularyValue()}), not a copy cut from the text.
     */
    int referenceMap(JsonPointer path) throws IOException {
        return stringMap(path, true);
    }

    private int stringMap(JsonPointer path, boolean references) throws IOException {
        if (!expectObject(path)) {
            return -1;
        }
        SeenKeys keys = new SeenKeys();
        int kept = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            // a string value needs no path: the path is made only for a problem
            String value = p.nextToken() != JsonToken.VALUE_STRING ? string(path.child(key))
                    : references && p instanceof PlainJsonParser ? ((PlainJsonParser) p).vocabularyValue() : p.getText();
            if (value != null) {
                keep(2 * kept, key);
                keep(2 * kept + 1, value);
                kept++;
                if (!keys.add(key)) {
                    duplicateKey(path.child(key), key);
                }
            }
        }
        return kept;
    }

    /** The key of entry {@code i} of the string map just read. */
    String key(int i) {
        return scratch[2 * i];
    }

    /** The value of entry {@code i} of the string map just read. */
    String value(int i) {
        return scratch[2 * i + 1];
    }

    /**
     * Reads a list of strings into this input's scratch: element {@code i} is {@link #element(int)},
     * to be copied out before the next string collection is read. An element that is not a
     * string is reported, and skipped unless it is a number or boolean.
     *
     * @return the number of elements kept, or -1 when the value is not an array
     */
    int stringList(JsonPointer path) throws IOException {
        if (!expectArray(path)) {
            return -1;
        }
        int i = 0;
        int kept = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            // a string element needs no path: the path is made only for a problem
            String value = t == JsonToken.VALUE_STRING ? p.getText() : string(path.child(i));
            if (value != null) {
                keep(kept++, value);
            } else {
                skipped.add(path, i);
            }
        }
        return kept;
    }

    /** Element {@code i} of the string list just read. */
    String element(int i) {
        return scratch[i];
    }

    private void keep(int at, String s) {
        if (at == scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, at * 2);
        }
        scratch[at] = s;
    }

    // ---- scalars -------------------------------------------------------------------------

    /**
     * The current token as a string. A number or boolean is reported and kept as its text (FIS
     * takes every parameter value as a string); a null, object or array is reported and skipped.
     */
    String string(JsonPointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        violations.add(typeError(path, "a string", t));
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /**
     * The current token, the value of field {@code name} of the object at {@code parent}, as a
     * string, as {@link #string(JsonPointer)}; the field's path is made only for a problem.
     */
    String string(JsonPointer parent, String name) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : string(parent.child(name));
    }

    java.util.Optional<String> optString(JsonPointer path) throws IOException {
        return java.util.Optional.ofNullable(string(path));
    }

    BigDecimal number(JsonPointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        violations.add(typeError(path, "a number", t));
        p.skipChildren();
        return null;
    }

    /** A number as a double, keeping -0.0; a value beyond double's range is reported. */
    Double real(JsonPointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            violations.add(typeError(path, "a number", t));
            p.skipChildren();
            return null;
        }
        double value = p.getDoubleValue();
        if (Double.isInfinite(value)) {
            violations.add(Violation.error(ViolationCode.JSON_VALUE_TYPE, path.toString(), "The number " + p.getText()
                    + " is too large.", "Use a number within the range of a double."));
            return null;
        }
        return value;
    }

    Duration duration(JsonPointer path) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            return dev.faultline.core.catalog.FisDuration.parse(text);
        } catch (DateTimeException e) {
            violations.add(Violation.error(ViolationCode.JSON_VALUE_TYPE, path.toString(), "'" + text + "' is not an ISO-8601 duration.",
                    "Write a duration such as PT5M or PT1H30M."));
            return null;
        }
    }

    // ---- problems ------------------------------------------------------------------------

    boolean expectObject(JsonPointer path) throws IOException {
        return expect(JsonToken.START_OBJECT, "an object", path);
    }

    boolean expectArray(JsonPointer path) throws IOException {
        return expect(JsonToken.START_ARRAY, "an array", path);
    }

    /** Tells whether the current token starts what is expected; if not, reports it and skips the value. */
    private boolean expect(JsonToken start, String expected, JsonPointer path) throws IOException {
        if (p.currentToken() == start) {
            return true;
        }
        violations.add(typeError(path, expected, p.currentToken()));
        p.skipChildren();
        return false;
    }

    Violation typeError(JsonPointer path, String expected, JsonToken found) {
        return Violation.error(ViolationCode.JSON_VALUE_TYPE, path.toString(), "Expected " + expected + ", found " + JsonTexts.describe(found) + ".",
                found == JsonToken.VALUE_NULL ? "Remove the field or give it a value." : "Write " + expected + " here.");
    }

    void unknownField(JsonPointer path, String name, List<String> known) throws IOException {
        List<String> near = Suggestions.nearest(name, known, 1);
        violations.add(Violation.error(ViolationCode.JSON_FIELD_UNKNOWN, path.child(name).toString(),
                "Unknown field '" + name + "'.",
                near.isEmpty() ? "Remove it; the fields here are " + String.join(", ", known) + "."
                        : "Did you mean '" + near.get(0) + "'?"));
        p.skipChildren();
    }

    private void duplicateKey(JsonPointer path, String key) {
        violations.add(Violation.warning(ViolationCode.JSON_FIELD_DUPLICATE, path.toString(),
                "The key '" + key + "' appears twice; the last value wins.", "Remove one of them."));
    }

    void badEnum(JsonPointer path, String value, List<String> allowed) {
        List<String> near = Suggestions.nearest(value, allowed, 1);
        violations.add(Violation.error(ViolationCode.TEMPLATE_VALUE_UNKNOWN, path.toString(),
                "'" + value + "' is not one of " + String.join(", ", allowed) + ".",
                near.isEmpty() ? "Use one of " + String.join(", ", allowed) + "." : "Did you mean '" + near.get(0) + "'?"));
    }
}
