package dev.faultline.core.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of value an action, target or SSM document parameter takes. On the wire every
 * value is a string; the type says how that string is read.
 */
public enum ParameterType {

    /** An ISO-8601 duration such as {@code PT5M}, checked against a duration range. */
    DURATION("duration"),
    /** A whole number, optionally bounded by {@code min} and {@code max}. */
    INTEGER("integer"),
    /** A whole-number percentage, bounded by {@code min} and {@code max} (usually 0 or 1 to 100). */
    PERCENT("percent"),
    /** A decimal number, optionally bounded by {@code min} and {@code max}. */
    NUMBER("number"),
    /** {@code true} or {@code false}, compared case-insensitively ({@code True} is accepted). */
    BOOLEAN("boolean"),
    /** One value out of a fixed list of values. */
    ENUM("enum"),
    /** Free text. */
    STRING("string"),
    /** A JSON document encoded in a string. */
    JSON("json"),
    /** A comma-separated list, optionally restricted to item values and a maximum count. */
    LIST("list");

    private final String id;

    ParameterType(String id) {
        this.id = id;
    }

    /**
     * Returns the name of this type in the data files, for example {@code duration}.
     *
     * @return the lower-case name used in the JSON data
     */
    public String id() {
        return id;
    }

    /**
     * Finds the type with the given data-file name.
     *
     * @param id the name used in the JSON data, for example {@code percent} (case-sensitive)
     * @return the type, or empty when the name is unknown or null
     */
    public static Optional<ParameterType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    /**
     * Returns the data-file names of all types, comma-separated, for error messages.
     *
     * @return for example {@code duration, integer, percent, ...}
     */
    static String allIds() {
        return Arrays.stream(values()).map(ParameterType::id).collect(Collectors.joining(", "));
    }
}
