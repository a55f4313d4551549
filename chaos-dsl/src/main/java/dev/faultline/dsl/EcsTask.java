package dev.faultline.dsl;

/** Marks a {@link Target} of an ECS task (FIS resource type {@code aws:ecs:task}); never instantiated. */
public final class EcsTask implements ResourceType {

    private EcsTask() {}
}
