package dev.faultline.dsl;

/**
 * The resource type of a {@link Target}, carried in the Java type: a {@code Target<Ec2Instance>}
 * can be given only to actions that act on EC2 instances. The permitted types are markers,
 * never instantiated; there is one per FIS target resource type.
 */
public sealed interface ResourceType permits
        ZonalShiftManagedResource,
        DirectConnectVirtualInterface,
        DsqlCluster,
        DynamoDbGlobalTable,
        AutoScalingGroup,
        EbsVolume,
        Ec2Instance,
        SpotInstance,
        Subnet,
        TransitGateway,
        VpcEndpoint,
        EcsCluster,
        EcsTask,
        EksCluster,
        EksNodegroup,
        EksPod,
        ElastiCacheReplicationGroup,
        RedisReplicationGroup,
        IamRole,
        KinesisStream,
        LambdaFunction,
        MemoryDbMultiRegionCluster,
        RdsCluster,
        RdsInstance,
        S3Bucket {
}
