package dev.faultline.dsl;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.dsl.internal.Checks;
import dev.faultline.dsl.internal.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the pre-configured {@code AWSFIS-Run-*} SSM documents with typed parameters, for
 * {@link Ssm#sendCommand(Target, String, RunDocument, Duration)}. Immutable; made by the
 * {@code Ssm.run..} factories. Arguments are checked against the catalog's ranges at the call.
 *
 * <pre>{@code
 * Ssm.sendCommand(instances, "us-east-1", Ssm.runCpuStress().loadPercent(80), Duration.ofMinutes(5))
 * }</pre>
 *
 * <p>{@code DurationSeconds}, when the document has it and it is not set, is the action's
 * duration.
 *
 * @param <S> the concrete document type, which each document fixes (users never write it)
 */
public abstract class RunDocument<S extends RunDocument<S>> {

    private static final String DURATION_SECONDS = "DurationSeconds";

    private final String name;
    private final Map<String, String> parameters;

    RunDocument(String name, Map<String, String> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    abstract S with(Map<String, String> changed);

    final S set(String parameter, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(parameter, value);
        return with(copy);
    }

    final S setInteger(String parameter, long value) {
        return set(parameter, Checks.number(name, definition(parameter), parameter, BigDecimal.valueOf(value)));
    }

    final S setBoolean(String parameter, boolean value) {
        return set(parameter, value ? "True" : "False");
    }

    final S setList(String parameter, List<String> values) {
        return set(parameter, Checks.list(name, definition(parameter), parameter, values));
    }

    final S setText(String parameter, String value) {
        return set(parameter, Checks.text(parameter, value));
    }

    private Optional<ParameterDefinition> definition(String parameter) {
        return Catalog.defaultCatalog().ssmDocument(name).flatMap(d -> d.parameter(parameter));
    }

    /**
     * Sets {@code DurationSeconds}, how long the document's fault runs (by default the
     * action's duration).
     *
     * @param seconds the seconds, at least 1
     * @return a new document step
     * @throws IllegalArgumentException if {@code seconds < 1}
     */
    public S durationSeconds(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException(DURATION_SECONDS + " of " + name + " must be within 1.., was " + seconds);
        }
        return set(DURATION_SECONDS, Integer.toString(seconds));
    }

    /**
     * The document name.
     *
     * @return for example {@code AWSFIS-Run-CPU-Stress}
     */
    public String documentName() {
        return name;
    }

    /**
     * The document's ARN in a Region (AWS-owned documents have no account in their ARN).
     *
     * @param region the Region, for example {@code us-east-1}
     * @return {@code arn:aws:ssm:<region>::document/<name>}
     */
    public String documentArn(String region) {
        return "arn:aws:ssm:" + Checks.text("region", region) + "::document/" + name;
    }

    /**
     * The parameters set so far, as the document reads them.
     *
     * @return the parameters
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * The {@code documentParameters} JSON string for an action of a given duration.
     *
     * @param actionDuration the action's duration, which fills {@code DurationSeconds} when
     *     the document has it and it is not set
     * @return the compact JSON object
     */
    public String documentParameters(Duration actionDuration) {
        Map<String, String> all = new LinkedHashMap<>();
        boolean hasDuration = Catalog.defaultCatalog().ssmDocument(name)
                .map(d -> d.parameters().containsKey(DURATION_SECONDS)).orElse(false);
        if (hasDuration && !parameters.containsKey(DURATION_SECONDS)) {
            all.put(DURATION_SECONDS, Long.toString(actionDuration.getSeconds()));
        }
        all.putAll(parameters);
        return Json.object(all);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((RunDocument<?>) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + parameters.hashCode();
    }

    @Override
    public String toString() {
        return name + parameters;
    }
}
