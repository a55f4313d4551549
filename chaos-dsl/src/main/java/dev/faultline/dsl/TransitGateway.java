package dev.faultline.dsl;

/** Marks a {@link Target} of a transit gateway (FIS resource type {@code aws:ec2:transit-gateway}); never instantiated. */
public final class TransitGateway implements ResourceType {

    private TransitGateway() {}
}
