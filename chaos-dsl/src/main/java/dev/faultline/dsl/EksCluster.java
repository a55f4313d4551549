package dev.faultline.dsl;

/** Marks a {@link Target} of an EKS cluster (FIS resource type {@code aws:eks:cluster}); never instantiated. */
public final class EksCluster implements ResourceType {

    private EksCluster() {}
}
