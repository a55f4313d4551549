package dev.faultline.core.validation;

/**
 * A JSON Pointer whose text is built only when a violation needs it: a parent and one reference
 * token, so that a rule walking a clean template allocates one small object per level instead
 * of concatenating a string for every value it checks. {@link #toString()} gives the same text
 * as {@link JsonPointer#append(String, String)} on the same tokens.
 */
final class LazyPointer {

    private final LazyPointer parent;
    private final String root;
    private final String name;
    private final int index;

    private LazyPointer(LazyPointer parent, String root, String name, int index) {
        this.parent = parent;
        this.root = root;
        this.name = name;
        this.index = index;
    }

    /** A pointer whose text is already known, such as {@code "/tags"}. */
    static LazyPointer of(String pointer) {
        return new LazyPointer(null, pointer, null, 0);
    }

    /** The pointer to a field of the value at {@code pointer}. */
    static LazyPointer append(LazyPointer pointer, String field) {
        return new LazyPointer(pointer, null, field, 0);
    }

    /** The pointer to an element of the array at {@code pointer}. */
    static LazyPointer append(LazyPointer pointer, int element) {
        return new LazyPointer(pointer, null, null, element);
    }

    /** The RFC 6901 text, {@code ~} and {@code /} escaped. */
    @Override
    public String toString() {
        if (parent == null) {
            return root;
        }
        return name == null ? JsonPointer.append(parent.toString(), index) : JsonPointer.append(parent.toString(), name);
    }
}
