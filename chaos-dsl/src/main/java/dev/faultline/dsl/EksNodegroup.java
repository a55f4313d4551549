package dev.faultline.dsl;

/** Marks a {@link Target} of an EKS managed node group (FIS resource type {@code aws:eks:nodegroup}); never instantiated. */
public final class EksNodegroup implements ResourceType {

    private EksNodegroup() {}
}
