package dev.faultline.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The six parts of an Amazon Resource Name:
 * {@code arn:partition:service:region:account:resource}. {@link #parse(String)} splits any text
 * that has the six parts; checking each part is the validator's job.
 */
public final class Arn {

    private final String partition;
    private final String service;
    private final String region;
    private final String account;
    private final String resource;

    private Arn(String partition, String service, String region, String account, String resource) {
        this.partition = partition;
        this.service = service;
        this.region = region;
        this.account = account;
        this.resource = resource;
    }

    /**
     * Splits an ARN into its parts.
     *
     * @param text the ARN
     * @return the parts, or empty when the text does not start with {@code arn:} and have six parts
     */
    public static Optional<Arn> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("arn:")) {
            return Optional.empty();
        }
        int[] colons = new int[4];
        int from = 4;
        for (int i = 0; i < 4; i++) {
            int at = text.indexOf(':', from);
            if (at < 0) {
                return Optional.empty();
            }
            colons[i] = at;
            from = at + 1;
        }
        return Optional.of(new Arn(text.substring(4, colons[0]), text.substring(colons[0] + 1, colons[1]),
                text.substring(colons[1] + 1, colons[2]), text.substring(colons[2] + 1, colons[3]),
                text.substring(colons[3] + 1)));
    }

    /**
     * The partition, for example {@code aws}.
     *
     * @return the partition
     */
    public String partition() {
        return partition;
    }

    /**
     * The service namespace, for example {@code ec2}.
     *
     * @return the service
     */
    public String service() {
        return service;
    }

    /**
     * The Region, empty for global resources such as IAM roles.
     *
     * @return the Region
     */
    public String region() {
        return region;
    }

    /**
     * The account ID, empty for some resources such as S3 buckets.
     *
     * @return the account ID
     */
    public String account() {
        return account;
    }

    /**
     * The resource part, for example {@code instance/i-0123456789abcdef0}.
     *
     * @return the resource
     */
    public String resource() {
        return resource;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arn && o.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
