package dev.faultline.dsl;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.dsl.internal.Checks;
import dev.faultline.dsl.internal.TargetData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resources an action acts on, with their resource type in the Java type: a
 * {@code Target<Ec2Instance>} is accepted only by actions on EC2 instances.
 *
 * <p>A target is an immutable value: every method returns a new target, so a half-built target
 * can be shared and refined. Make one with the factories of {@link Chaos}:
 *
 * <pre>{@code
 * Target<Ec2Instance> workers = ec2Instances()
 *     .tagged("Role", "WorkerNode")
 *     .running()
 *     .inAvailabilityZone("us-east-1a")
 *     .percent(20);
 * }</pre>
 *
 * <p>Resource types with helpers of their own have a subclass that keeps its type through every
 * step ({@link Ec2Instances} with {@code running()}, {@link RdsClusters} with
 * {@code writerIn(..)}, ...), so a helper is missing at compile time where it does not apply.
 *
 * <p>Resources are identified by ARNs, or by tags, filters and resource-type parameters (FIS
 * rejects ARNs together with tags or filters; the validator reports it). How many are chosen is
 * {@link #all()}, {@link #count(int)} or {@link #percent(int)}; a target identified only by ARNs
 * or by parameters chooses all of them unless told otherwise, a target identified by tags or
 * filters must say how many (the validator reports a missing selection mode).
 *
 * @param <R> the resource type, such as {@link Ec2Instance}
 */
public class Target<R extends ResourceType> {

    private final TargetData data;

    Target(TargetData data) {
        this.data = data;
    }

    static <R extends ResourceType> Target<R> of(String resourceType) {
        return new Target<>(TargetData.of(resourceType));
    }

    static TargetData start(String resourceType) {
        return TargetData.of(resourceType);
    }

    /** Makes a target of this class from new data; subclasses return their own type. */
    Target<R> with(TargetData changed) {
        return new Target<>(changed);
    }

    static TargetData dataOf(Target<?> target, String argument) {
        return Objects.requireNonNull(target, argument).data;
    }

    /**
     * Names the target in the experiment; without a name the experiment calls it
     * {@code <TargetKey>-Target-<n>}, as the FIS console does.
     *
     * @param name the target name
     * @return a new target with the name
     */
    public Target<R> named(String name) {
        return with(data.named(Checks.text("name", name)));
    }

    /**
     * Identifies resources by ARN (FIS takes at most five, and no tags or filters with them).
     *
     * @param arns the ARNs, added to those already given
     * @return a new target
     */
    public Target<R> arns(String... arns) {
        for (String arn : arns) {
            Checks.text("arn", arn);
        }
        return with(data.change(b -> b.addResourceArns(arns)));
    }

    /**
     * Chooses only resources that carry a tag (all tags must match).
     *
     * @param key the tag key
     * @param value the tag value (an empty value means the tag is present with an empty value)
     * @return a new target
     */
    public Target<R> tagged(String key, String value) {
        Checks.text("tag key", key);
        Objects.requireNonNull(value, "tag value");
        return with(data.change(b -> b.putResourceTag(key, value)));
    }

    /**
     * Chooses only resources that carry all these tags.
     *
     * @param tags the tags, in the order to write them
     * @return a new target
     */
    public Target<R> tagged(Map<String, String> tags) {
        Target<R> result = this;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            result = result.tagged(tag.getKey(), tag.getValue());
        }
        return result;
    }

    /**
     * Chooses only resources whose Describe output has one of the values at a path (filters
     * are ANDed, values ORed).
     *
     * @param path the PascalCase path, for example {@code Placement.AvailabilityZone}
     * @param values the accepted values
     * @return a new target
     */
    public Target<R> filter(String path, String... values) {
        Checks.text("filter path", path);
        if (values.length == 0) {
            throw new IllegalArgumentException("filter " + path + " needs at least one value");
        }
        Arrays.stream(values).forEach(v -> Objects.requireNonNull(v, "filter value"));
        return with(data.change(b -> b.addFilters(Filter.of(path, values))));
    }

    /**
     * Chooses only running instances (filter {@code State.Name = running}); for EC2 and Spot
     * instances.
     *
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> running() {
        requireType("running()", Set.of("aws:ec2:instance", "aws:ec2:spot-instance"));
        return filter("State.Name", "running");
    }

    /**
     * Confines the target to one Availability Zone, the way its resource type allows: a filter
     * ({@code Placement.AvailabilityZone} for instances, {@code AvailabilityZone} for subnets
     * and ECS tasks, {@code AvailabilityZones} for Auto Scaling groups) or a resource-type
     * parameter ({@code availabilityZoneIdentifier} for EBS volumes, ElastiCache replication
     * groups and EKS pods, {@code writerAvailabilityZoneIdentifiers} for Aurora clusters,
     * {@code availabilityZoneIdentifiers} for RDS instances).
     *
     * @param az the Availability Zone, for example {@code us-east-1a}
     * @return a new target
     * @throws IllegalArgumentException for a resource type FIS cannot confine to a zone
     */
    Target<R> inAvailabilityZone(String az) {
        Checks.text("availability zone", az);
        switch (data.resourceType()) {
            case "aws:ec2:instance":
            case "aws:ec2:spot-instance":
                return filter("Placement.AvailabilityZone", az);
            case "aws:ec2:subnet":
            case "aws:ecs:task":
                return filter("AvailabilityZone", az);
            case "aws:ec2:autoscaling-group":
                return filter("AvailabilityZones", az);
            case "aws:ec2:ebs-volume":
            case "aws:elasticache:replicationgroup":
            case "aws:elasticache:redis-replicationgroup":
            case "aws:eks:pod":
                return parameter("availabilityZoneIdentifier", az);
            case "aws:rds:cluster":
                return parameter("writerAvailabilityZoneIdentifiers", az);
            case "aws:rds:db":
                return parameter("availabilityZoneIdentifiers", az);
            default:
                throw new IllegalArgumentException("inAvailabilityZone() does not apply to " + data.resourceType()
                        + " targets; use filter(path, values) with a path of its Describe output");
        }
    }

    /**
     * Chooses only resources in a VPC (filter {@code VpcId}); for EC2 and Spot instances,
     * subnets and VPC endpoints.
     *
     * @param vpcId the VPC id, for example {@code vpc-0123456789abcdef0}
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> inVpc(String vpcId) {
        requireType("inVpc()", Set.of("aws:ec2:instance", "aws:ec2:spot-instance", "aws:ec2:subnet",
                "aws:ec2:vpc-endpoint"));
        return filter("VpcId", Checks.text("vpcId", vpcId));
    }

    /**
     * Chooses Aurora clusters whose writer is in one of these zones (resource-type parameter
     * {@code writerAvailabilityZoneIdentifiers}); for RDS clusters.
     *
     * @param zones the Availability Zones
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> writerIn(String... zones) {
        requireType("writerIn()", Set.of("aws:rds:cluster"));
        return parameter("writerAvailabilityZoneIdentifiers",
                Checks.list(data.resourceType(), Optional.empty(), "writerAvailabilityZoneIdentifiers", List.of(zones)));
    }

    /**
     * Chooses ECS tasks of a cluster (resource-type parameter {@code cluster}); for ECS tasks.
     *
     * @param cluster the cluster name or ARN
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> inCluster(String cluster) {
        requireType("inCluster()", Set.of("aws:ecs:task"));
        return parameter("cluster", cluster);
    }

    /**
     * Chooses ECS tasks of a service (resource-type parameter {@code service}); for ECS tasks.
     *
     * @param service the service name
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> inService(String service) {
        requireType("inService()", Set.of("aws:ecs:task"));
        return parameter("service", service);
    }

    /**
     * Chooses a version or alias of Lambda functions (resource-type parameter
     * {@code functionQualifier}, {@code $LATEST} allowed); for Lambda functions.
     *
     * @param qualifier the version or alias
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> qualifier(String qualifier) {
        requireType("qualifier()", Set.of("aws:lambda:function"));
        return parameter("functionQualifier", qualifier);
    }

    /**
     * Chooses the container of EKS pods the fault acts in (resource-type parameter
     * {@code targetContainerName}; FIS's default is the pod's first container); for EKS pods.
     *
     * @param container the container name
     * @return a new target
     * @throws IllegalArgumentException for another resource type
     */
    Target<R> container(String container) {
        requireType("container()", Set.of("aws:eks:pod"));
        return parameter("targetContainerName", container);
    }

    /**
     * Sets a resource-type parameter by name; the name must be one the catalog gives for the
     * resource type.
     *
     * @param name the parameter name, for example {@code availabilityZoneIdentifier}
     * @param value the value
     * @return a new target
     * @throws IllegalArgumentException if the resource type has no such parameter
     */
    public Target<R> parameter(String name, String value) {
        Optional<ResourceTypeDefinition> type = Catalog.defaultCatalog().resourceType(data.resourceType());
        if (type.isPresent()) {
            Optional<String> typed = typedMethod(name);
            if (!type.get().parameters().containsKey(name) && typed.isPresent()) {
                throw new IllegalArgumentException("unknown parameter of " + data.resourceType() + " '" + name + "'; use "
                        + typed.get() + " on the target, which knows how " + data.resourceType() + " targets say it"
                        + " (parameters of " + data.resourceType() + ": " + type.get().parameters().keySet() + ")");
            }
            Checks.known("parameter of " + data.resourceType(), name, type.get().parameters().keySet());
            Optional<ParameterDefinition> definition = type.get().parameter(name);
            if (definition.isPresent() && !definition.get().enumValues().isEmpty()) {
                Checks.known("value of " + name, value, definition.get().enumValues());
            }
        }
        Checks.text(name, value);
        return with(data.change(b -> b.putParameter(name, value)));
    }

    /** The typed method that does what a parameter of this name seems to want, if there is one. */
    private static Optional<String> typedMethod(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("zone") || n.equals("az") || n.startsWith("az")) {
            return Optional.of("inAvailabilityZone(\"us-east-1a\")");
        }
        if (n.contains("vpc")) {
            return Optional.of("inVpc(\"vpc-…\")");
        }
        if (n.contains("state") || n.contains("running")) {
            return Optional.of("running() (EC2 and Spot instances)");
        }
        return Optional.empty();
    }

    /**
     * Chooses every identified resource ({@code ALL}).
     *
     * @return a new target
     */
    public Target<R> all() {
        return with(data.change(b -> b.selectionMode(SelectionMode.all())));
    }

    /**
     * Chooses {@code n} of the identified resources at random ({@code COUNT(n)}).
     *
     * @param n how many, at least 1
     * @return a new target
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Target<R> count(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count of a target must be within 1.., was " + n);
        }
        return with(data.change(b -> b.selectionMode(SelectionMode.count(n))));
    }

    /**
     * Chooses a percentage of the identified resources at random, rounded down
     * ({@code PERCENT(p)}).
     *
     * @param p the percentage, 1 to 100
     * @return a new target
     * @throws IllegalArgumentException if {@code p} is not within 1..100
     */
    public Target<R> percent(int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percent of a target must be within 1..100, was " + p);
        }
        return with(data.change(b -> b.selectionMode(SelectionMode.percent(p))));
    }

    /**
     * The FIS resource type.
     *
     * @return for example {@code aws:ec2:instance}
     */
    public String resourceType() {
        return data.resourceType();
    }

    /**
     * The name chosen with {@link #named(String)}.
     *
     * @return the name, or empty when the experiment names the target
     */
    public Optional<String> name() {
        return data.name();
    }

    /**
     * The core model of this target, as it will appear in the experiment.
     *
     * @return the target
     */
    public dev.faultline.core.model.TemplateTarget toModel() {
        return data.target();
    }

    private void requireType(String method, Set<String> types) {
        if (!types.contains(data.resourceType())) {
            throw new IllegalArgumentException(method + " does not apply to " + data.resourceType()
                    + " targets; it applies to " + types.stream().sorted().toList());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target && ((Target<?>) o).data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
