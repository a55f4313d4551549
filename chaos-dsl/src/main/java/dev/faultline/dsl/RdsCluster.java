package dev.faultline.dsl;

/** Marks a {@link Target} of an Aurora or DocumentDB cluster (FIS resource type {@code aws:rds:cluster}); never instantiated. */
public final class RdsCluster implements ResourceType {

    private RdsCluster() {}
}
