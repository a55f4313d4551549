package dev.faultline.dsl;

/** Marks a {@link Target} of an ElastiCache Redis replication group, as the legacy action names it (FIS resource type {@code aws:elasticache:redis-replicationgroup}); never instantiated. */
public final class RedisReplicationGroup implements ResourceType {

    private RedisReplicationGroup() {}
}
