package dev.faultline.core.plan;

import dev.faultline.core.model.SelectionMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The blast radius of one target: its resource type, how its resources are identified and
 * chosen, the worst-case share of them the experiment can harm, the actions that hit it and
 * whether FIS undoes their harm; with the resolved counts when a target preview supplied them.
 *
 * <pre>{@code
 * TargetImpact web = BlastRadius.of(plan).withResolvedCounts(Map.of("web", 10L)).target("web").orElseThrow();
 * web.chosenBy();        // "tags Role=Web"
 * web.worstCase();       // 20% of matching resources
 * web.chosenCount();     // OptionalLong[2]
 * web.reversible();      // true
 * }</pre>
 */
@Value.Immutable
public abstract class TargetImpact {

    /** The means by which a target's resources are identified, the first that applies. */
    public enum SelectedBy {
        /** By resource ARNs. */
        ARNS,
        /** By resource tags, possibly narrowed by filters and resource-type parameters. */
        TAGS,
        /** By filters, possibly with resource-type parameters, without tags. */
        FILTERS,
        /** By resource-type parameters alone, such as an EKS pod selector. */
        PARAMETERS,
        /** By nothing: the target has no ARNs, tags, filters or parameters. */
        NOTHING
    }

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The target's name in the template.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The FIS resource type, for example {@code aws:ec2:instance}.
     *
     * @return the resource type, empty when the template lacks it
     */
    public abstract Optional<String> resourceType();

    /**
     * How the target's resources are identified.
     *
     * @return the means
     */
    public abstract SelectedBy selectedBy();

    /**
     * How the target's resources are identified, in words.
     *
     * @return for example {@code 2 ARNs} or {@code tags Role=Web; filter State.Name=running}
     */
    public abstract String chosenBy();

    /**
     * How many of the identified resources are chosen.
     *
     * @return the selection mode, empty when the template lacks it
     */
    public abstract Optional<SelectionMode> selectionMode();

    /**
     * The worst-case share of the target's resources the experiment can harm.
     *
     * @return the share
     */
    public abstract Share worstCase();

    /**
     * How many resources the target matched in a preview, when one supplied it.
     *
     * @return the resolved count
     */
    public abstract OptionalLong matchedCount();

    /**
     * The actions that hit the target, in template order.
     *
     * @return the hits
     */
    public abstract List<ActionHit> actions();

    /**
     * How many resources are chosen: the selection mode applied to the preview's count, or
     * to the ARNs when the target lists them; empty when neither is known.
     *
     * @return the chosen count
     */
    public OptionalLong chosenCount() {
        Optional<SelectionMode> mode = selectionMode().filter(SelectionMode::isValid);
        if (mode.isEmpty()) {
            return OptionalLong.empty();
        }
        if (matchedCount().isPresent()) {
            return OptionalLong.of(mode.get().chosenOf(matchedCount().getAsLong()));
        }
        return worstCase().kind() == Share.Kind.EXACT ? OptionalLong.of(worstCase().value()) : OptionalLong.empty();
    }

    /**
     * Tells whether FIS undoes the harm of every action that hits the target.
     *
     * @return true when every hit is reversible (also when no action uses the target)
     */
    public boolean reversible() {
        return actions().stream().allMatch(ActionHit::reversible);
    }

    /**
     * The hits whose harm FIS does not undo.
     *
     * @return the irreversible hits, in template order
     */
    public List<ActionHit> irreversibleActions() {
        return actions().stream().filter(hit -> !hit.reversible()).toList();
    }

    /**
     * Tells whether any action uses the target.
     *
     * @return true when at least one action hits it
     */
    public boolean used() {
        return !actions().isEmpty();
    }

    /**
     * Says the worst case in words, with the resolved counts when known.
     *
     * @return for example {@code 20% of matching resources} or {@code 2 of 10 matching resources}
     */
    public String describeWorstCase() {
        OptionalLong chosen = chosenCount();
        if (matchedCount().isPresent() && chosen.isPresent()) {
            long matched = matchedCount().getAsLong();
            return chosen.getAsLong() + " of " + matched + " matching " + (matched == 1 ? "resource" : "resources");
        }
        return worstCase().describe();
    }

    /** Builds {@link TargetImpact} values. */
    public static final class Builder extends ImmutableTargetImpact.Builder {
        /** Creates an empty builder; prefer {@link TargetImpact#builder()}. */
        public Builder() {}
    }
}
