package dev.faultline.dsl;

/** Marks a {@link Target} of an ElastiCache (Redis OSS or Valkey) replication group (FIS resource type {@code aws:elasticache:replicationgroup}); never instantiated. */
public final class ElastiCacheReplicationGroup implements ResourceType {

    private ElastiCacheReplicationGroup() {}
}
