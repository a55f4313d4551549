package dev.faultline.dsl;

/** Marks a {@link Target} of an EC2 instance (FIS resource type {@code aws:ec2:instance}); never instantiated. */
public final class Ec2Instance implements ResourceType {

    private Ec2Instance() {}
}
