package dev.faultline.dsl;

/** Marks a {@link Target} of an Aurora DSQL cluster (FIS resource type {@code aws:dsql:cluster}); never instantiated. */
public final class DsqlCluster implements ResourceType {

    private DsqlCluster() {}
}
