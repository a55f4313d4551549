package dev.faultline.core.validation;

/**
 * Builds RFC 6901 JSON Pointers, the paths of violations: {@code /actions/stop/parameters/duration}.
 */
public final class JsonPointer {

    private JsonPointer() {}

    /**
     * Appends one reference token to a pointer, escaping {@code ~} and {@code /}.
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
     * Appends an array index to a pointer.
     *
     * @param pointer the pointer so far
     * @param index the index
     * @return the longer pointer
     */
    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /**
     * Builds a pointer from field names.
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
