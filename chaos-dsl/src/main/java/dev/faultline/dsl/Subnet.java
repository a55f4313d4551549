package dev.faultline.dsl;

/** Marks a {@link Target} of a VPC subnet (FIS resource type {@code aws:ec2:subnet}); never instantiated. */
public final class Subnet implements ResourceType {

    private Subnet() {}
}
