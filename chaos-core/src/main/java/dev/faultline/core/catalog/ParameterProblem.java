package dev.faultline.core.catalog;

import java.util.Objects;

/**
 * What is wrong with one parameter value, as its {@link ParameterDefinition} decides it: the
 * kind of problem, the message and the hint. The validator, the DSL's argument checks and the
 * catalog loader report these same texts; only the code (validator) or the exception (DSL,
 * loader) around them differs.
 *
 * <pre>{@code
 * definition.check("PT13H");   // [RANGE: duration PT13H is outside PT1M..PT12H. / Use a duration from PT1M to PT12H.]
 * }</pre>
 */
public final class ParameterProblem {

    /** The kind of problem, which picks the violation code. */
    public enum Kind {
        /** The value is not of the parameter's type: not a number, a fraction, not true or false, not JSON, an empty list item. */
        TYPE,
        /** The value is not an ISO-8601 duration. */
        FORMAT,
        /** The value is outside the parameter's range, or a list has too many items. */
        RANGE,
        /** The value, or a list item, is not one of the allowed values. */
        VALUE_UNKNOWN
    }

    private final Kind kind;
    private final String message;
    private final String hint;

    ParameterProblem(Kind kind, String message, String hint) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /**
     * Returns the kind of problem.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns what is wrong, as one sentence naming the parameter or the value.
     *
     * @return for example {@code duration PT13H is outside PT1M..PT12H.}
     */
    public String message() {
        return message;
    }

    /**
     * Returns how to fix it.
     *
     * @return for example {@code Use a duration from PT1M to PT12H.}
     */
    public String hint() {
        return hint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterProblem that && kind == that.kind && message.equals(that.message)
                && hint.equals(that.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, message, hint);
    }

    @Override
    public String toString() {
        return kind + ": " + message + " " + hint;
    }
}
