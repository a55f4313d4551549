package dev.faultline.dsl;

/** Marks a {@link Target} of an EC2 Spot Instance (FIS resource type {@code aws:ec2:spot-instance}); never instantiated. */
public final class SpotInstance implements ResourceType {

    private SpotInstance() {}
}
