package dev.faultline.dsl;

/** Marks a {@link Target} of an EBS volume (FIS resource type {@code aws:ec2:ebs-volume}); never instantiated. */
public final class EbsVolume implements ResourceType {

    private EbsVolume() {}
}
