package dev.faultline.dsl;

/** Marks a {@link Target} of an interface VPC endpoint (FIS resource type {@code aws:ec2:vpc-endpoint}); never instantiated. */
public final class VpcEndpoint implements ResourceType {

    private VpcEndpoint() {}
}
