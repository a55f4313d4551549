package dev.faultline.dsl;

/** Marks a {@link Target} of a resource managed by ARC zonal shift (ALB, NLB, ASG or EKS cluster) (FIS resource type {@code aws:arc:zonal-shift-managed-resource}); never instantiated. */
public final class ZonalShiftManagedResource implements ResourceType {

    private ZonalShiftManagedResource() {}
}
