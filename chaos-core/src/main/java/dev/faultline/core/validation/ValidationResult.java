package dev.faultline.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of reading or validating a template: its violations, in the order found.
 *
 * <pre>{@code
 * ValidationResult result = Validator.standard().validate(experiment);
 * if (result.hasErrors()) {
 *     result.errors().forEach(v -> log.warn("{}", v));
 * }
 * }</pre>
 */
public final class ValidationResult {

    private static final ValidationResult EMPTY = new ValidationResult(List.of());

    private final List<Violation> violations;

    private ValidationResult(List<Violation> violations) {
        this.violations = violations;
    }

    /**
     * A result with no violations.
     *
     * @return the empty result
     */
    public static ValidationResult empty() {
        return EMPTY;
    }

    /**
     * A result holding the given violations.
     *
     * @param violations the violations, in order
     * @return the result
     */
    public static ValidationResult of(Collection<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        return violations.isEmpty() ? EMPTY : new ValidationResult(List.copyOf(violations));
    }

    /**
     * Every violation, in the order found.
     *
     * @return the violations
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The violations of severity ERROR.
     *
     * @return the errors
     */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The violations of severity WARNING.
     *
     * @return the warnings
     */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Tells whether any violation is an error.
     *
     * @return true if there is an ERROR
     */
    public boolean hasErrors() {
        for (Violation v : violations) {
            if (v.isError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether there is no error (warnings allowed).
     *
     * @return true if there is no ERROR
     */
    public boolean isValid() {
        return !hasErrors();
    }

    /**
     * The violations with a given code.
     *
     * @param code the code
     * @return the matching violations
     */
    public List<Violation> withCode(String code) {
        return violations.stream().filter(v -> v.code().equals(code)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The violations with a given declared code.
     *
     * @param code the code
     * @return the matching violations
     */
    public List<Violation> withCode(ViolationCode code) {
        return withCode(code.code());
    }

    /**
     * A view for output that shows at most {@code maxPerCode} violations of each code and counts
     * the rest; this result keeps them all.
     *
     * @param maxPerCode the most violations of one code to show, or 0 for no cap
     * @return the capped view
     */
    public CappedResult capped(int maxPerCode) {
        return CappedResult.of(this, maxPerCode);
    }

    /**
     * This result followed by another's violations.
     *
     * @param other the other result
     * @return the combined result
     */
    public ValidationResult and(ValidationResult other) {
        if (other.violations.isEmpty()) {
            return this;
        }
        if (violations.isEmpty()) {
            return other;
        }
        List<Violation> all = new ArrayList<>(violations.size() + other.violations.size());
        all.addAll(violations);
        all.addAll(other.violations);
        return new ValidationResult(Collections.unmodifiableList(all));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationResult && ((ValidationResult) o).violations.equals(violations);
    }

    @Override
    public int hashCode() {
        return violations.hashCode();
    }

    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "no violations";
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
