package dev.faultline.core.validation;

import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ParameterProblem;
import java.util.List;

/**
 * Reports what the catalog's parameter definition finds wrong with one parameter value
 * ({@link ParameterDefinition#check(String)}, the one decision) as violations, with the code of
 * whose parameter it is. A value holding a placeholder is left to ArnRules.
 */
final class ParameterChecks {

    private ParameterChecks() {}

    /**
     * Adds a violation for each problem the definition finds with the value.
     *
     * @param parent the JSON Pointer of the object holding the value, and {@code key} its name:
     *     the path is joined only when a violation is reported
     * @param codes the codes to report with: those of action, target or SSM document parameters
     */
    static void check(ParameterDefinition def, String value, String parent, String key, ParameterCodes codes, List<Violation> out) {
        check(def, value, JsonPointer.parse(parent), key, codes, out);
    }

    /** As {@link #check(ParameterDefinition, String, String, String, ParameterCodes, List)}, the parent's pointer built only for a violation. */
    static void check(ParameterDefinition def, String value, JsonPointer parent, String key, ParameterCodes codes, List<Violation> out) {
        if (Placeholders.contains(value)) {
            return; // reported as a placeholder by ArnRules
        }
        report(def.check(value), parent, key, codes, out);
    }

    /**
     * As {@link #check(ParameterDefinition, String, String, String, ParameterCodes, List)} for the
     * parameter {@code key} of the action or target {@code element} of {@code section}
     * ({@code /actions} or {@code /targets}): the path {@code SECTION/ELEMENT/parameters/KEY} is
     * built only for a violation, so that a clean parameter costs no pointer.
     */
    static void check(ParameterDefinition def, String value, JsonPointer section, String element, String key,
            ParameterCodes codes, List<Violation> out) {
        if (Placeholders.contains(value)) {
            return; // reported as a placeholder by ArnRules
        }
        List<ParameterProblem> problems = def.check(value);
        if (!problems.isEmpty()) {
            report(problems, section.child(element).child("parameters"), key, codes, out);
        }
    }

    private static void report(List<ParameterProblem> problems, JsonPointer parent, String key, ParameterCodes codes,
            List<Violation> out) {
        for (int i = 0; i < problems.size(); i++) {
            ParameterProblem p = problems.get(i);
            out.add(Violation.error(codes.of(p.kind()), parent.child(key).toString(), p.message(), p.hint()));
        }
    }
}
