package dev.faultline.dsl;

/** Marks a {@link Target} of an RDS DB instance (FIS resource type {@code aws:rds:db}); never instantiated. */
public final class RdsInstance implements ResourceType {

    private RdsInstance() {}
}
