package dev.faultline.core.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the resources of a target may be identified: which of resource ARNs, resource tags,
 * filters and resource parameters are allowed, and how many ARNs the target may list.
 *
 * <p>A resource type has a general rule ({@link ResourceTypeDefinition#identification()});
 * some actions narrow it ({@link ActionDefinition#identification()}), for example the
 * insufficient-capacity action accepts IAM roles by ARN only. The rules that hold for every
 * target (ARNs exclude tags and filters; tags and filters combine) are not repeated here.
 *
 * <pre>{@code
 * Identification pod = catalog.resourceType("aws:eks:pod").orElseThrow().identification();
 * pod.allows(Identification.Means.ARNS);        // false: pods are chosen by parameters only
 * }</pre>
 *
 * @param allowed the means that may be used (unmodifiable)
 * @param minArns the fewest ARNs the target must list when it is identified by ARNs
 *     (0 when ARNs are optional)
 * @param maxArns the most ARNs the target may list (0 when ARNs are not allowed)
 */
public record Identification(Set<Means> allowed, int minArns, int maxArns) {

    /** The most ARNs any target may list (the model's {@code ResourceArnList} maximum). */
    public static final int MAX_ARNS = 5;

    /** A way to identify the resources of a target. */
    public enum Means {
        /** {@code resourceArns}. */
        ARNS,
        /** {@code resourceTags}. */
        TAGS,
        /** {@code filters}. */
        FILTERS,
        /** Resource-type {@code parameters}, such as {@code availabilityZoneIdentifier}. */
        PARAMETERS
    }

    /**
     * Creates an identification rule, checking that the ARN bounds make sense.
     *
     * @param allowed the means that may be used
     * @param minArns the fewest ARNs required when ARNs are used
     * @param maxArns the most ARNs allowed
     */
    public Identification {
        Objects.requireNonNull(allowed, "allowed");
        allowed = allowed.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Means.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
        if (minArns < 0 || maxArns < minArns || maxArns > MAX_ARNS) {
            throw new IllegalArgumentException(
                    "need 0 <= minArns <= maxArns <= " + MAX_ARNS + ", got " + minArns + ".." + maxArns);
        }
        if (allowed.contains(Means.ARNS) == (maxArns == 0)) {
            throw new IllegalArgumentException("maxArns must be 0 exactly when ARNS is not allowed");
        }
    }

    /**
     * Creates a rule that allows the given means with up to {@value #MAX_ARNS} ARNs (or none
     * when ARNs are not among them).
     *
     * @param allowed the means that may be used
     * @return the rule
     */
    public static Identification of(Collection<Means> allowed) {
        Set<Means> means = allowed.isEmpty() ? EnumSet.noneOf(Means.class) : EnumSet.copyOf(allowed);
        return new Identification(means, 0, means.contains(Means.ARNS) ? MAX_ARNS : 0);
    }

    /**
     * Tells whether the given means may be used.
     *
     * @param means a way to identify resources
     * @return true when allowed
     */
    public boolean allows(Means means) {
        return allowed.contains(means);
    }

    /**
     * Combines this rule with a narrower one: only means allowed by both, and the tighter ARN
     * bounds.
     *
     * @param other the other rule, for example an action's restriction
     * @return the rule that satisfies both
     */
    public Identification narrowedBy(Identification other) {
        Set<Means> both = EnumSet.noneOf(Means.class);
        both.addAll(allowed);
        both.retainAll(other.allowed);
        if (!both.contains(Means.ARNS)) {
            return new Identification(both, 0, 0);
        }
        int max = Math.min(maxArns, other.maxArns);
        return new Identification(both, Math.min(Math.max(minArns, other.minArns), max), max);
    }
}
