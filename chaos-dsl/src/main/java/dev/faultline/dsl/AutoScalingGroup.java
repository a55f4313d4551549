package dev.faultline.dsl;

/** Marks a {@link Target} of an EC2 Auto Scaling group (FIS resource type {@code aws:ec2:autoscaling-group}); never instantiated. */
public final class AutoScalingGroup implements ResourceType {

    private AutoScalingGroup() {}
}
