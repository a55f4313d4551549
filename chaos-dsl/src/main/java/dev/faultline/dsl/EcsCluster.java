package dev.faultline.dsl;

/** Marks a {@link Target} of an ECS cluster (FIS resource type {@code aws:ecs:cluster}); never instantiated. */
public final class EcsCluster implements ResourceType {

    private EcsCluster() {}
}
