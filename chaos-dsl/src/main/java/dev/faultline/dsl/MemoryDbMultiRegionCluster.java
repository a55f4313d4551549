package dev.faultline.dsl;

/** Marks a {@link Target} of a MemoryDB multi-Region cluster (FIS resource type {@code aws:memorydb:multi-region-cluster}); never instantiated. */
public final class MemoryDbMultiRegionCluster implements ResourceType {

    private MemoryDbMultiRegionCluster() {}
}
