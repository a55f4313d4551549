package dev.faultline.core.json;

import dev.faultline.core.validation.JsonPointer;

/**
 * Where the reader is in the document, as a chain of reference tokens: a child is one small
 * object, and the JSON Pointer text ({@code /targets/web/filters/0}) is built only when a
 * violation needs it, instead of once per field read.
 */
final class Pointer {

    /** The whole document, {@code ""}. */
    static final Pointer ROOT = new Pointer(null, null, 0);

    private final Pointer parent;
    private final String name;
    private final int index;

    private Pointer(Pointer parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The pointer to a field of the object here. */
    Pointer child(String field) {
        return new Pointer(this, field, 0);
    }

    /** The pointer to an element of the array here. */
    Pointer child(int element) {
        return new Pointer(this, null, element);
    }

    /** The RFC 6901 text, {@code ~} and {@code /} escaped. */
    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        return name == null ? JsonPointer.append(parent.toString(), index) : JsonPointer.append(parent.toString(), name);
    }
}
