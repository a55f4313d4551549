package dev.faultline.dsl;

/** Marks a {@link Target} of a Kubernetes pod in an EKS cluster (FIS resource type {@code aws:eks:pod}); never instantiated. */
public final class EksPod implements ResourceType {

    private EksPod() {}
}
