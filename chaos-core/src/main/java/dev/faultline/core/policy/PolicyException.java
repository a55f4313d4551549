package dev.faultline.core.policy;

import dev.faultline.core.FaultlineException;
import java.util.List;

/**
 * Thrown when a safety policy cannot be read: malformed JSON (with its line and column), a
 * value of the wrong type or out of range (with its JSON Pointer), or an unknown field (with the
 * nearest known one). Every problem found is listed; no half-read policy is ever returned.
 *
 * <pre>{@code
 * try {
 *     SafetyPolicy.parse("{\"maxPercnt\": 50}");
 * } catch (PolicyException e) {
 *     e.problems();   // [/maxPercnt: unknown field; did you mean 'maxPercent'?]
 * }
 * }</pre>
 */
public final class PolicyException extends FaultlineException {

    private static final long serialVersionUID = 1L;

    /** The problems, each naming where it is (an array, which serializes on every JDK). */
    private final String[] problems;

    /**
     * Creates an exception for one or more problems.
     *
     * @param source where the policy came from (a file name, or "policy JSON")
     * @param problems what is wrong, each naming where (a line and column, or a JSON Pointer)
     */
    public PolicyException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = problems.toArray(new String[0]);
    }

    /**
     * Creates an exception for a policy that could not be read at all.
     *
     * @param message what went wrong
     * @param cause the underlying error, such as an I/O error
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
        this.problems = new String[] {message};
    }

    /**
     * The problems found, each naming where it is.
     *
     * @return the problems, in document order
     */
    public List<String> problems() {
        return List.of(problems);
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        return source + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
    }
}
