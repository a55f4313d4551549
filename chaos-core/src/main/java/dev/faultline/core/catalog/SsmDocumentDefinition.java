package dev.faultline.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One pre-configured {@code AWSFIS-Run-*} SSM document that {@code aws:ssm:send-command} (or,
 * for the {@code -ECS} variants, the ECS task actions) can run: its parameters, the tools it
 * needs on the instance and whether its effect is rolled back.
 *
 * <pre>{@code
 * SsmDocumentDefinition cpu = catalog.ssmDocument("AWSFIS-Run-CPU-Stress").orElseThrow();
 * cpu.requiredParameterNames();   // [DurationSeconds]
 * cpu.dependencies();             // [stress-ng]
 * }</pre>
 *
 * @param name             the document name, for example {@code AWSFIS-Run-CPU-Stress}
 * @param description      one sentence on what the document does
 * @param parameters       the document parameters by name, in documented order
 *     (unmodifiable; empty when {@code parametersKnown} is false)
 * @param dependencies     the tools the document installs or needs on the instance
 * @param extraPermissions IAM actions the experiment role needs beyond those of
 *     {@code aws:ssm:send-command}
 * @param ecsOnly          true for the {@code -ECS} variants used only by ECS task actions
 * @param parametersKnown  false when the reference does not list the document's parameters,
 *     so they cannot be checked
 * @param reversible       whether the document rolls its effect back when it ends or is
 *     cancelled (false for Kill-Process)
 * @param notes            further facts about the document
 */
public record SsmDocumentDefinition(String name, String description, Map<String, ParameterDefinition> parameters,
        List<String> dependencies, List<String> extraPermissions, boolean ecsOnly, boolean parametersKnown,
        boolean reversible, List<String> notes) {

    /**
     * Creates a document definition, copying its collections.
     *
     * @param name             the document name
     * @param description      one sentence on what it does
     * @param parameters       its parameters by name
     * @param dependencies     the tools it needs
     * @param extraPermissions extra IAM actions the role needs
     * @param ecsOnly          whether only ECS task actions use it
     * @param parametersKnown  whether its parameters are known
     * @param reversible       whether it rolls its effect back
     * @param notes            further facts
     */
    public SsmDocumentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        dependencies = List.copyOf(dependencies);
        extraPermissions = List.copyOf(extraPermissions);
        notes = List.copyOf(notes);
    }

    /**
     * Finds a document parameter by its exact name.
     *
     * @param parameterName the parameter name, for example {@code DurationSeconds}
     * @return the parameter, or empty when the document has no such parameter
     */
    public Optional<ParameterDefinition> parameter(String parameterName) {
        return Optional.ofNullable(parameters.get(parameterName));
    }

    /**
     * Returns the names of the parameters that must be given in {@code documentParameters}.
     *
     * @return the required parameter names in documented order
     */
    public List<String> requiredParameterNames() {
        return parameters.values().stream()
                .filter(ParameterDefinition::required)
                .map(ParameterDefinition::name)
                .toList();
    }
}
