package dev.faultline.dsl;

import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import dev.faultline.dsl.internal.ActionData;
import dev.faultline.dsl.internal.Checks;
import java.time.Duration;

/**
 * The entry point of the DSL, made for {@code import static dev.faultline.dsl.Chaos.*;}:
 * experiments, targets of every FIS resource type, stop conditions, steady-state conditions,
 * wait steps and the generic action. The actions themselves are in the per-service classes
 * ({@link Ec2}, {@link Rds}, {@link Network}, ...).
 *
 * <pre>{@code
 * var workers = ec2Instances()
 *     .tagged("Environment", "staging").tagged("Role", "WorkerNode")
 *     .running()
 *     .percent(20);
 *
 * Experiment nodeLoss = experiment("payment-worker-node-loss")
 *     .description("Stop 20% of the worker nodes for five minutes")
 *     .role("arn:aws:iam::112233445566:role/FisRole")
 *     .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:App5xx"))
 *     .hypothesis(steadyState("payment 5xx stays under 5 a minute")
 *         .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
 *         .dimension("TargetGroup", "targetgroup/prod-payment-tg/a1b2c3d4e5f6")
 *         .sum().per(Duration.ofMinutes(1)).below(5))
 *     .action("stop-workers", Ec2.stopInstances(workers).restartAfter(Duration.ofMinutes(5)))
 *     .build();
 * }</pre>
 */
public final class Chaos {

    private Chaos() {}

    /**
     * Starts an experiment with Faultline's name for it (written as {@code name}, which FIS
     * does not take; compilation for FIS drops it).
     *
     * @param name the experiment name
     * @return an empty draft
     */
    public static ExperimentDraft experiment(String name) {
        return ExperimentDraft.named(Checks.text("name", name));
    }

    /**
     * Starts an experiment without a name: its JSON is exactly a FIS template.
     *
     * @return an empty draft
     */
    public static ExperimentDraft experiment() {
        return ExperimentDraft.named(null);
    }

    /**
     * A stop condition on a CloudWatch alarm: FIS stops the experiment when it goes to
     * {@code ALARM}.
     *
     * @param alarmArn {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}
     * @return the stop condition
     */
    public static StopCondition alarm(String alarmArn) {
        return StopCondition.alarm(Checks.text("alarmArn", alarmArn));
    }

    /**
     * A stop condition on a metric: Faultline defines the CloudWatch alarm (in the CloudFormation
     * stack with {@code --with-alarms}) and FIS stops the experiment when it goes to {@code ALARM}.
     * Presets: {@link StopMetrics}.
     *
     * @param alarm the alarm's definition
     * @return the stop condition
     */
    public static StopCondition metric(MetricAlarm alarm) {
        return StopCondition.metric(java.util.Objects.requireNonNull(alarm, "alarm"));
    }

    /**
     * A stop condition on a composite alarm that goes to {@code ALARM} when any of the metric
     * alarms does: one FIS stop condition for many metrics.
     *
     * @param name the composite alarm's name
     * @param alarms the metric alarms, at least one
     * @return the stop condition
     */
    public static StopCondition anyOf(String name, MetricAlarm... alarms) {
        return StopCondition.anyOf(Checks.text("name", name), alarms);
    }

    /**
     * Starts a steady-state condition of the hypothesis.
     *
     * @param name a short name for reports
     * @return the condition, to complete with {@code metric(..)}, a statistic, a period and a
     *     threshold
     */
    public static SteadyState steadyState(String name) {
        return SteadyState.named(name);
    }

    /**
     * A wait step ({@code aws:fis:wait}); the same as {@link Fis#wait(Duration)}, under a name
     * that a static import can reach ({@code wait} is shadowed by {@link Object#wait()} inside
     * any class).
     *
     * @param duration how long to wait (PT1M to PT12H)
     * @return the action
     * @throws IllegalArgumentException if the duration is outside the range
     */
    public static Fis.Wait waitFor(Duration duration) {
        return Fis.wait(duration);
    }

    /**
     * An action by id, for an action the typed DSL does not cover; the validator checks it like
     * any template.
     *
     * @param actionId the FIS action id, for example {@code aws:ec2:new-fault}
     * @return the action, to give parameters and targets
     */
    public static GenericAction action(String actionId) {
        return new GenericAction(ActionData.of(actionId));
    }

    /**
     * EC2 instances ({@code aws:ec2:instance}).
     *
     * @return a target to identify and select
     */
    public static Ec2Instances ec2Instances() {
        return Ec2Instances.create();
    }

    /**
     * EC2 Spot Instances ({@code aws:ec2:spot-instance}).
     *
     * @return a target to identify and select
     */
    public static SpotInstances spotInstances() {
        return SpotInstances.create();
    }

    /**
     * EC2 Auto Scaling groups ({@code aws:ec2:autoscaling-group}).
     *
     * @return a target to identify and select
     */
    public static AutoScalingGroups autoScalingGroups() {
        return AutoScalingGroups.create();
    }

    /**
     * EBS volumes ({@code aws:ec2:ebs-volume}).
     *
     * @return a target to identify and select
     */
    public static EbsVolumes ebsVolumes() {
        return EbsVolumes.create();
    }

    /**
     * VPC subnets ({@code aws:ec2:subnet}).
     *
     * @return a target to identify and select
     */
    public static Subnets subnets() {
        return Subnets.create();
    }

    /**
     * Transit gateways ({@code aws:ec2:transit-gateway}).
     *
     * @return a target to identify and select
     */
    public static Target<TransitGateway> transitGateways() {
        return Target.of("aws:ec2:transit-gateway");
    }

    /**
     * Interface VPC endpoints ({@code aws:ec2:vpc-endpoint}).
     *
     * @return a target to identify and select
     */
    public static VpcEndpoints vpcEndpoints() {
        return VpcEndpoints.create();
    }

    /**
     * ECS clusters ({@code aws:ecs:cluster}).
     *
     * @return a target to identify and select
     */
    public static Target<EcsCluster> ecsClusters() {
        return Target.of("aws:ecs:cluster");
    }

    /**
     * ECS tasks ({@code aws:ecs:task}).
     *
     * @return a target to identify and select
     */
    public static EcsTasks ecsTasks() {
        return EcsTasks.create();
    }

    /**
     * EKS clusters ({@code aws:eks:cluster}).
     *
     * @return a target to identify and select
     */
    public static Target<EksCluster> eksClusters() {
        return Target.of("aws:eks:cluster");
    }

    /**
     * EKS managed node groups ({@code aws:eks:nodegroup}).
     *
     * @return a target to identify and select
     */
    public static Target<EksNodegroup> eksNodegroups() {
        return Target.of("aws:eks:nodegroup");
    }

    /**
     * Kubernetes pods of an EKS cluster ({@code aws:eks:pod}), identified only by parameters.
     *
     * @param cluster the cluster name or ARN ({@code clusterIdentifier})
     * @param namespace the Kubernetes namespace
     * @param selector which pods of the namespace
     * @return a target that chooses all matching pods unless told otherwise
     */
    public static EksPods eksPods(String cluster, String namespace, PodSelector selector) {
        java.util.Objects.requireNonNull(selector, "selector");
        return EksPods.create().parameter("clusterIdentifier", cluster)
                .parameter("namespace", namespace)
                .parameter("selectorType", selector.type())
                .parameter("selectorValue", selector.value());
    }

    /**
     * ElastiCache replication groups ({@code aws:elasticache:replicationgroup}); FIS needs the
     * Availability Zone, given with {@link Target#inAvailabilityZone(String)}.
     *
     * @return a target to identify and select
     */
    public static ElastiCacheReplicationGroups elastiCacheReplicationGroups() {
        return ElastiCacheReplicationGroups.create();
    }

    /**
     * ElastiCache Redis replication groups as the legacy action names them
     * ({@code aws:elasticache:redis-replicationgroup}).
     *
     * @return a target to identify and select
     * @deprecated for the legacy {@link ElastiCache#interruptClusterAzPower} only; use
     *     {@link #elastiCacheReplicationGroups()}
     */
    @Deprecated
    public static RedisReplicationGroups redisReplicationGroups() {
        return RedisReplicationGroups.create();
    }

    /**
     * IAM roles ({@code aws:iam:role}).
     *
     * @return a target to identify and select
     */
    public static Target<IamRole> iamRoles() {
        return Target.of("aws:iam:role");
    }

    /**
     * Kinesis data streams ({@code aws:kinesis:stream}).
     *
     * @return a target to identify and select
     */
    public static Target<KinesisStream> kinesisStreams() {
        return Target.of("aws:kinesis:stream");
    }

    /**
     * Lambda functions ({@code aws:lambda:function}).
     *
     * @return a target to identify and select
     */
    public static LambdaFunctions lambdaFunctions() {
        return LambdaFunctions.create();
    }

    /**
     * MemoryDB multi-Region clusters ({@code aws:memorydb:multi-region-cluster}).
     *
     * @return a target to identify and select
     */
    public static Target<MemoryDbMultiRegionCluster> memoryDbMultiRegionClusters() {
        return Target.of("aws:memorydb:multi-region-cluster");
    }

    /**
     * Aurora and DocumentDB clusters ({@code aws:rds:cluster}).
     *
     * @return a target to identify and select
     */
    public static RdsClusters rdsClusters() {
        return RdsClusters.create();
    }

    /**
     * RDS DB instances ({@code aws:rds:db}).
     *
     * @return a target to identify and select
     */
    public static RdsInstances rdsInstances() {
        return RdsInstances.create();
    }

    /**
     * S3 buckets ({@code aws:s3:bucket}).
     *
     * @return a target to identify and select
     */
    public static Target<S3Bucket> s3Buckets() {
        return Target.of("aws:s3:bucket");
    }

    /**
     * Aurora DSQL clusters ({@code aws:dsql:cluster}).
     *
     * @return a target to identify and select
     */
    public static Target<DsqlCluster> dsqlClusters() {
        return Target.of("aws:dsql:cluster");
    }

    /**
     * DynamoDB global tables ({@code aws:dynamodb:global-table}).
     *
     * @return a target to identify and select
     */
    public static Target<DynamoDbGlobalTable> dynamoDbGlobalTables() {
        return Target.of("aws:dynamodb:global-table");
    }

    /**
     * Resources managed by ARC zonal shift ({@code aws:arc:zonal-shift-managed-resource}).
     *
     * @return a target to identify and select
     */
    public static Target<ZonalShiftManagedResource> zonalShiftResources() {
        return Target.of("aws:arc:zonal-shift-managed-resource");
    }

    /**
     * Direct Connect virtual interfaces ({@code aws:directconnect:virtual-interface}).
     *
     * @return a target to identify and select
     */
    public static Target<DirectConnectVirtualInterface> virtualInterfaces() {
        return Target.of("aws:directconnect:virtual-interface");
    }
}
