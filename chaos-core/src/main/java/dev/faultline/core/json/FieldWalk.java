package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.validation.JsonPointer;
import java.io.IOException;
import java.util.List;

/**
 * A walk over the fields of one object, for a reader's own loop:
 *
 * <pre>{@code
 * FieldWalk walk = in.fields(path, Fields.ACTION);
 * for (int index = walk.next(); index >= 0; index = walk.next()) {
 *     switch (index) { case Fields.ACTION_ACTION_ID: ... }   // the parser is on the field's value
 * }
 * }</pre>
 *
 * <p>{@link #next()} reports and skips an unknown field (with a did-you-mean among the known
 * ones) and reports a field that appears again (which is read again: the last value wins). A
 * reader's loop, rather than a callback per object, keeps each reader one method the JIT
 * compiles whole; a shared loop calling many callbacks could inline none of them.
 */
final class FieldWalk {

    private final JsonInput in;
    private final JsonParser p;
    private final JsonPointer path;
    private final List<String> known;
    /** The first token, when the caller has read it already; null once used. */
    private JsonToken first;
    /** One bit per known field read so far, by index. */
    private long seen;
    private String name;

    FieldWalk(JsonInput in, JsonPointer path, List<String> known, JsonToken first) {
        this.in = in;
        this.p = in.p;
        this.path = path;
        this.known = known;
        this.first = first;
    }

    /**
     * Moves to the value of the next known field.
     *
     * @return the field's index among the known names, or -1 at the end of the object
     */
    int next() throws IOException {
        while (true) {
            JsonToken t = first != null ? first : p.nextToken();
            first = null;
            if (t != JsonToken.FIELD_NAME) {
                return -1;
            }
            String field = p.currentName();
            int index = indexOf(field);
            p.nextToken();
            if (index < 0) {
                in.unknownField(path, field, known);
                continue;
            }
            long bit = 1L << index;
            if ((seen & bit) != 0) {
                in.duplicateField(path, field);
            }
            seen |= bit;
            name = field;
            return index;
        }
    }

    /**
     * The index of a field name among the known ones. Names from either parser are interned, as
     * the known names are, so the same instance is looked for first; an equal name that is not
     * interned is still found.
     */
    private int indexOf(String field) {
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) == field) {
                return i;
            }
        }
        return known.indexOf(field);
    }

    /**
     * The name of the field {@link #next()} moved to.
     *
     * @return the field name, one of the known names
     */
    String name() {
        return name;
    }

    /**
     * The path of the field {@link #next()} moved to, made on each call: for a nested object or a
     * problem, not for a plain string.
     *
     * @return the field's path
     */
    JsonPointer at() {
        return path.child(name);
    }

    /**
     * The current value as a string, as {@link JsonInput#string(JsonPointer)}; its path is made
     * only for a problem.
     *
     * @return the string, or null when the value is not one
     */
    String string() throws IOException {
        return in.string(path, name);
    }

    /**
     * The current value as a string, as {@link #string()}, for a field whose values come from a
     * small vocabulary (an action id, a resource type, a stop condition's source, a filter path, a
     * selection mode): from the plain parser, the same interned instance each time the same
     * characters come (see {@link PlainJsonParser#vocabularyValue()}).
     *
     * @return the string, or null when the value is not one
     */
    String vocabulary() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING && p instanceof PlainJsonParser) {
            return ((PlainJsonParser) p).vocabularyValue();
        }
        return in.string(path, name);
    }
}
