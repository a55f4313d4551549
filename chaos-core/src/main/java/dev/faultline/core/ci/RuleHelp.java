package dev.faultline.core.ci;

import dev.faultline.core.validation.ViolationCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a SARIF rule says about a violation code: a short description and a help text. This is
 * the seam between the SARIF writer and the registry of violation codes: {@link #registry()}
 * answers from {@link ViolationCode}, {@link #fallback()} for codes it does not declare (users' own
 * rules), and {@link #orElse(RuleHelp)} chains a source of a tool's own before them.
 *
 * <pre>{@code
 * RuleHelp help = teamRules.orElse(RuleHelp.registry()).orElse(RuleHelp.fallback());
 * String sarif = SarifReport.builder().ruleHelp(help).add(file, text, result).build().toJson();
 * }</pre>
 */
@FunctionalInterface
public interface RuleHelp {

    /**
     * The text of a rule, or empty when this source does not know the code.
     *
     * @param code a violation code such as {@code placeholder.unresolved}
     * @return its short description and help, or empty
     */
    Optional<Text> describe(String code);

    /**
     * This source, and another one for the codes it does not know.
     *
     * @param other the next source
     * @return the combined source
     */
    default RuleHelp orElse(RuleHelp other) {
        Objects.requireNonNull(other, "other");
        return code -> {
            Optional<Text> mine = describe(code);
            return mine.isPresent() ? mine : other.describe(code);
        };
    }

    /**
     * The registry of violation codes: each declared code's meaning as the short description,
     * and its meaning and fix as the help.
     *
     * @return the registry's source, which knows every declared code
     */
    static RuleHelp registry() {
        return code -> ViolationCode.find(code)
                .map(c -> new Text(c.meaning(), c.code() + ": " + c.meaning() + " Fix: " + c.fix()));
    }

    /**
     * The fallback: the code's words as the short description ({@code placeholder.unresolved} is
     * "placeholder: unresolved") and a pointer to docs/validation.md as help.
     *
     * @return the fallback source, which knows every code
     */
    static RuleHelp fallback() {
        return code -> {
            int dot = code.indexOf('.');
            String words = dot < 0 ? code.replace('-', ' ')
                    : code.substring(0, dot).replace('-', ' ') + ": " + code.substring(dot + 1).replace('-', ' ');
            return Optional.of(new Text(words, "Faultline violation " + code
                    + ". The message says what is wrong and the hint how to fix it; docs/validation.md lists every code."));
        };
    }

    /**
     * A rule's text.
     *
     * @param shortDescription one line, shown in lists
     * @param help what the rule checks and how to fix a violation
     */
    record Text(String shortDescription, String help) {
        /**
         * Checks the parts.
         *
         * @param shortDescription one line
         * @param help the help text
         */
        public Text {
            Objects.requireNonNull(shortDescription, "shortDescription");
            Objects.requireNonNull(help, "help");
        }
    }
}
