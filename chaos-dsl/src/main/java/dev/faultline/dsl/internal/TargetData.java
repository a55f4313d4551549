package dev.faultline.dsl.internal;

import dev.faultline.core.model.TemplateTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The data behind a DSL target: the core {@link TemplateTarget} it builds and the name it has in the
 * experiment, if the user chose one. Immutable.
 */
public final class TargetData {

    private final String name;
    private final TemplateTarget target;

    private TargetData(String name, TemplateTarget target) {
        this.name = name;
        this.target = target;
    }

    /**
     * Starts a target of a resource type, without a name.
     *
     * @param resourceType the FIS resource type
     * @return the data
     */
    public static TargetData of(String resourceType) {
        return new TargetData(null, TemplateTarget.builder().resourceType(resourceType).build());
    }

    /**
     * The name chosen for the target.
     *
     * @return the name, or empty when the experiment names it
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The core target.
     *
     * @return the target
     */
    public TemplateTarget target() {
        return target;
    }

    /**
     * The FIS resource type.
     *
     * @return for example {@code aws:ec2:instance}
     */
    public String resourceType() {
        return target.resourceType().orElseThrow();
    }

    /**
     * Copies with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public TargetData named(String newName) {
        return new TargetData(Objects.requireNonNull(newName, "name"), target);
    }

    /**
     * Copies with the core target changed.
     *
     * @param change what to change in a builder that starts from the current target
     * @return the copy
     */
    public TargetData change(UnaryOperator<TemplateTarget.Builder> change) {
        TemplateTarget.Builder builder = TemplateTarget.builder();
        builder.from(target);
        return new TargetData(name, change.apply(builder).build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetData && Objects.equals(((TargetData) o).name, name)
                && ((TargetData) o).target.equals(target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, target);
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + ": ") + Describe.target(target);
    }
}
