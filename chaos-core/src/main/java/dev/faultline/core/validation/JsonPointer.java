package dev.faultline.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6901 JSON Pointer, the path of a violation: {@code /actions/stop/parameters/duration}.
 * It is the one pointer type of Faultline: the reader, the rules and the importers use it.
 *
 * <p>A pointer is a parent and one reference token, and its text is built only when asked for
 * ({@link #toString()}): a reader or a rule walking a clean template allocates one small object
 * per level instead of concatenating a string for every value it looks at. The static
 * {@code append} and {@code of} methods build the text directly where a string is wanted.
 *
 * <pre>{@code
 * JsonPointer.ROOT.child("actions").child("stop/all").toString();   // "/actions/stop~1all"
 * JsonPointer.parse("/targets").child("web").child(0).toString();   // "/targets/web/0"
 * JsonPointer.append("/tags", "Owner");                            // "/tags/Owner"
 * }</pre>
 */
public final class JsonPointer {

    /** The whole document, {@code ""}. */
    public static final JsonPointer ROOT = new JsonPointer(null, "", 0);

    /** The parent; null for a pointer whose whole text is {@link #name} (as parsed, escaped). */
    private final JsonPointer parent;
    /** The field name (unescaped), null for an array element; the whole text when there is no parent. */
    private final String name;
    private final int index;

    private JsonPointer(JsonPointer parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /**
     * Takes the text of a pointer as it is.
     *
     * @param pointer the pointer's text: {@code ""} or beginning with {@code /}, tokens already escaped
     * @return the pointer
     * @throws IllegalArgumentException if the text is neither empty nor begins with {@code /}
     */
    public static JsonPointer parse(String pointer) {
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("A JSON Pointer is empty or begins with '/': " + pointer);
        }
        return pointer.isEmpty() ? ROOT : new JsonPointer(null, pointer, 0);
    }

    /**
     * The pointer to a field of the object here.
     *
     * @param field the field name, unescaped
     * @return the longer pointer
     */
    public JsonPointer child(String field) {
        return new JsonPointer(this, Objects.requireNonNull(field, "field"), 0);
    }

    /**
     * The pointer to an element of the array here.
     *
     * @param element the index
     * @return the longer pointer
     */
    public JsonPointer child(int element) {
        return new JsonPointer(this, null, element);
    }

    /**
     * The RFC 6901 text, {@code ~} and {@code /} escaped.
     *
     * @return for example {@code /targets/web/filters/0}
     */
    @Override
    public String toString() {
        if (parent == null) {
            return name;
        }
        return name == null ? append(parent.toString(), index) : append(parent.toString(), name);
    }

    /**
     * The reference tokens, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}).
     *
     * @return for {@code /actions/stop~1all}: {@code [actions, stop/all]}; empty for the whole document
     */
    public List<String> tokens() {
        String pointer = toString();
        if (pointer.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.indexOf('~') < 0 ? raw : raw.replace("~1", "/").replace("~0", "~"));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPointer that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * The pointer to a field of the value at {@code pointer}: {@code pointer.child(field)}, for
     * rules that import the {@code append} methods statically.
     *
     * @param pointer the pointer so far
     * @param field the field name, unescaped
     * @return the longer pointer
     */
    public static JsonPointer append(JsonPointer pointer, String field) {
        return pointer.child(field);
    }

    /**
     * The pointer to an element of the array at {@code pointer}: {@code pointer.child(element)}.
     *
     * @param pointer the pointer so far
     * @param element the index
     * @return the longer pointer
     */
    public static JsonPointer append(JsonPointer pointer, int element) {
        return pointer.child(element);
    }

    /**
     * Appends one reference token to a pointer's text, escaping {@code ~} and {@code /}.
     *
     * @param pointer the pointer so far ({@code ""} for the whole document)
     * @param token a field name
     * @return the longer pointer
     */
    public static String append(String pointer, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return pointer + "/" + token;
        }
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Appends an array index to a pointer's text.
     *
     * @param pointer the pointer so far
     * @param index the index
     * @return the longer pointer
     */
    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /**
     * Builds a pointer's text from field names.
     *
     * @param tokens the field names, outermost first
     * @return the pointer
     */
    public static String of(String... tokens) {
        String pointer = "";
        for (String token : tokens) {
            pointer = append(pointer, token);
        }
        return pointer;
    }
}
