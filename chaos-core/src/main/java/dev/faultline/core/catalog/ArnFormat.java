package dev.faultline.core.catalog;

import java.util.Objects;

/**
 * The shape of the ARNs of one resource type, for offline ARN checks:
 * {@code arn:<partition>:<service>:<region>:<account>:<resourcePrefix><id>}.
 *
 * <pre>{@code
 * new ArnFormat("ec2", "instance/", true, true)
 *         .matches("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc");   // true
 * new ArnFormat("s3", "", false, false).matches("arn:aws:s3:::my-bucket"); // true
 * }</pre>
 *
 * @param service        the ARN's service field, for example {@code ec2} or {@code rds}
 * @param resourcePrefix what the resource field starts with, for example {@code instance/},
 *     {@code cluster:} or (for S3 buckets) nothing
 * @param regional       whether the ARN has a Region (false for IAM, S3, MemoryDB multi-Region)
 * @param accountScoped  whether the ARN has an account ID (false for S3 buckets)
 */
public record ArnFormat(String service, String resourcePrefix, boolean regional, boolean accountScoped) {

    /**
     * Creates a format, rejecting nulls and an empty service.
     *
     * @param service        the ARN's service field
     * @param resourcePrefix the prefix of the resource field, possibly empty
     * @param regional       whether a Region is present
     * @param accountScoped  whether an account ID is present
     */
    public ArnFormat {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(resourcePrefix, "resourcePrefix");
        if (service.isEmpty()) {
            throw new IllegalArgumentException("service must not be empty");
        }
    }

    /**
     * Tells whether the ARN has this shape: the right service and resource prefix, a
     * non-empty resource ID after the prefix, and a Region and account present exactly when
     * this format has them. The partition may be any non-empty value.
     *
     * @param arn the ARN to check
     * @return true when it matches
     */
    public boolean matches(String arn) {
        if (arn == null) {
            return false;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            return false;
        }
        return parts[2].equals(service)
                && parts[3].isEmpty() != regional
                && parts[4].isEmpty() != accountScoped
                && parts[5].startsWith(resourcePrefix)
                && parts[5].length() > resourcePrefix.length();
    }
}
