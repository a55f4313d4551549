package dev.faultline.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One FIS target resource type ({@code aws:<service>:<type>}): the API FIS uses to resolve
 * filters, the shape of its ARNs, its resource parameters and how its targets may be
 * identified.
 *
 * <p>Instances are created by the catalog loader only; read them through {@link Catalog}.
 *
 * <pre>{@code
 * ResourceTypeDefinition db = catalog.resourceType("aws:rds:db").orElseThrow();
 * db.arnService();          // Optional[rds]
 * db.arnResourcePrefix();   // Optional[db:]
 * db.matchesArn("arn:aws:rds:eu-west-1:123456789012:db:orders");   // true
 * }</pre>
 */
public final class ResourceTypeDefinition {

    private final String type;
    private final String description;
    private final String describeApi;
    private final List<ArnFormat> arnFormats;
    private final Map<String, ParameterDefinition> parameters;
    private final Identification identification;
    private final boolean legacy;
    private final List<String> unconfirmed;

    ResourceTypeDefinition(String type, String description, String describeApi, List<ArnFormat> arnFormats,
            Map<String, ParameterDefinition> parameters, Identification identification, boolean legacy,
            List<String> unconfirmed) {
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.describeApi = describeApi;
        this.arnFormats = List.copyOf(arnFormats);
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.identification = Objects.requireNonNull(identification, "identification");
        this.legacy = legacy;
        this.unconfirmed = List.copyOf(unconfirmed);
    }

    /**
     * Returns the resource type.
     *
     * @return for example {@code aws:ec2:instance}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the service part of the type.
     *
     * @return for example {@code ec2} for {@code aws:ec2:ebs-volume}
     */
    public String service() {
        int first = type.indexOf(':');
        int second = type.indexOf(':', first + 1);
        return type.substring(first + 1, second);
    }

    /**
     * Returns a one-line description of the resource type.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Returns the API whose output the target's {@code filters} paths refer to.
     *
     * @return for example {@code DescribeInstances}, or empty for {@code aws:eks:pod}
     */
    public Optional<String> describeApi() {
        return Optional.ofNullable(describeApi);
    }

    /**
     * Returns every ARN shape a resource of this type may have (several for the ARC managed
     * resource type, none for {@code aws:eks:pod}).
     *
     * @return the formats, primary first
     */
    public List<ArnFormat> arnFormats() {
        return arnFormats;
    }

    /**
     * Returns the service field of the primary ARN format.
     *
     * @return for example {@code rds}, or empty when the type has no ARNs
     */
    public Optional<String> arnService() {
        return arnFormats.stream().findFirst().map(ArnFormat::service);
    }

    /**
     * Returns the resource prefix of the primary ARN format.
     *
     * @return for example {@code instance/} or {@code cluster:}, or empty when the type has no
     *     ARNs
     */
    public Optional<String> arnResourcePrefix() {
        return arnFormats.stream().findFirst().map(ArnFormat::resourcePrefix);
    }

    /**
     * Tells whether an ARN has the shape of this resource type.
     *
     * @param arn the ARN to check
     * @return true when one of {@link #arnFormats()} matches
     */
    public boolean matchesArn(String arn) {
        return arnFormats.stream().anyMatch(format -> format.matches(arn));
    }

    /**
     * Returns the resource parameters a target of this type may set, in documented order.
     *
     * @return the parameters by name (unmodifiable)
     */
    public Map<String, ParameterDefinition> parameters() {
        return parameters;
    }

    /**
     * Finds a resource parameter by its exact name.
     *
     * @param name the parameter name
     * @return the parameter, or empty when the type has no such parameter
     */
    public Optional<ParameterDefinition> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Returns how targets of this type may be identified.
     *
     * @return the identification rule
     */
    public Identification identification() {
        return identification;
    }

    /**
     * Tells whether this is a legacy type that current FIS documentation no longer lists.
     *
     * @return true for {@code aws:elasticache:redis-replicationgroup}
     */
    public boolean legacy() {
        return legacy;
    }

    /**
     * Returns what the reference could not confirm about this type.
     *
     * @return notes; empty when everything is confirmed
     */
    public List<String> unconfirmed() {
        return unconfirmed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceTypeDefinition that
                && type.equals(that.type)
                && description.equals(that.description)
                && Objects.equals(describeApi, that.describeApi)
                && arnFormats.equals(that.arnFormats)
                && parameters.equals(that.parameters)
                && identification.equals(that.identification)
                && legacy == that.legacy
                && unconfirmed.equals(that.unconfirmed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, arnFormats, parameters, identification);
    }

    @Override
    public String toString() {
        return type + (legacy ? " (legacy)" : "");
    }
}
