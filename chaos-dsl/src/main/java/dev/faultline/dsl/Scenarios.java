package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.autoScalingGroups;
import static dev.faultline.dsl.Chaos.ebsVolumes;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.ecsTasks;
import static dev.faultline.dsl.Chaos.elastiCacheReplicationGroups;
import static dev.faultline.dsl.Chaos.iamRoles;
import static dev.faultline.dsl.Chaos.rdsClusters;
import static dev.faultline.dsl.Chaos.rdsInstances;
import static dev.faultline.dsl.Chaos.subnets;
import static dev.faultline.dsl.Chaos.waitFor;
import static dev.faultline.dsl.Chaos.zonalShiftResources;

import dev.faultline.dsl.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made experiments after the FIS scenario library, parameterised by Availability Zone,
 * tags and durations. Each adds its actions to a base draft that carries what is the caller's
 * (role, stop conditions, tags, target accounts), so the same base serves every scenario:
 *
 * <pre>{@code
 * var base = experiment("az-power").role(role).stopWhen(alarm(alarmArn));
 * Experiment e = Scenarios.azPowerInterruption(base, "us-east-1a", Duration.ofMinutes(30)).build();
 * }</pre>
 *
 * <p>Every scenario confines {@code ALL} on tag-selected targets to one zone, or selects by
 * percentage, so that with an alarm stop condition it passes {@code SafetyPolicy.staging()}.
 */
public final class Scenarios {

    /** The tag key of the AZ power interruption scenario's targets, as the FIS scenario uses it. */
    public static final String AZ_POWER_TAG = "AzImpairmentPower";

    private static final Duration ARC_DELAY = Duration.ofMinutes(5);

    private Scenarios() {}

    /**
     * AZ Availability: Power Interruption (FIS scenario library): stops the zone's instances and
     * restarts them after the duration, stops new capacity in the zone, cuts the zone's subnets
     * off for two minutes, fails over Aurora writers and ElastiCache nodes out of the zone,
     * pauses EBS I/O of the zone's volumes, and after five minutes shifts traffic away with ARC
     * zonal autoshift. Targets carry the tag {@value #AZ_POWER_TAG} with the FIS scenario's
     * values ({@code StopInstances}, {@code IceAsg}, {@code DisruptSubnet}, {@code DisruptRds},
     * {@code ElasticacheImpact}, {@code ApiPauseVolume}, {@code RecoverAutoshiftResources});
     * actions that find no target are skipped.
     *
     * @param base the draft with role, stop conditions and tags
     * @param az the Availability Zone, for example {@code us-east-1a}
     * @param duration how long the interruption lasts (at least six minutes; FIS's scenario
     *     uses 30)
     * @param capacityRoleArns ARNs of the IAM roles that launch capacity, whose launches in the
     *     zone get insufficient-capacity errors (none to leave them out)
     * @return a new draft with the scenario's actions
     * @throws IllegalArgumentException if the duration is shorter than six minutes
     */
    public static ExperimentDraft azPowerInterruption(ExperimentDraft base, String az, Duration duration,
            String... capacityRoleArns) {
        Objects.requireNonNull(base, "base");
        Checks.text("az", az);
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(ARC_DELAY.plusMinutes(1)) < 0) {
            throw new IllegalArgumentException("duration of the AZ power interruption must be at least PT6M, was "
                    + duration);
        }
        ExperimentDraft draft = base
                .description("AZ power interruption in " + az + " for " + duration)
                .skipEmptyTargets()
                .action("Stop-Instances", Ec2.stopInstances(powerTagged(ec2Instances(), "StopInstances")
                        .running().inAvailabilityZone(az).all())
                        .restartAfter(duration).completeIfInstancesTerminated(true))
                .action("Stop-ASG-Instances", Ec2.stopInstances(powerTagged(ec2Instances(), "IceAsg")
                        .running().inAvailabilityZone(az).all())
                        .restartAfter(duration).completeIfInstancesTerminated(true))
                .action("Pause-ASG-Scaling", Ec2.asgInsufficientInstanceCapacityError(
                        powerTagged(autoScalingGroups(), "IceAsg").all(), List.of(az), duration).percentage(100))
                .action("Pause-network-connectivity", Network.disruptConnectivity(
                        powerTagged(subnets(), "DisruptSubnet").inAvailabilityZone(az).all(), Duration.ofMinutes(2))
                        .scope(Network.Scope.ALL))
                .action("Failover-RDS", Rds.failoverDbCluster(
                        powerTagged(rdsClusters(), "DisruptRds").writerIn(az).all()))
                .action("Pause-ElastiCache", ElastiCache.interruptAzPower(
                        powerTagged(elastiCacheReplicationGroups(), "ElasticacheImpact").inAvailabilityZone(az).all(),
                        duration))
                .action("Pause-EBS-IO", Ebs.pauseVolumeIo(powerTagged(ebsVolumes(), "ApiPauseVolume")
                        .inAvailabilityZone(az).filter("Attachments.DeleteOnTermination", "false").all(), duration)
                        .after("Stop-Instances", "Stop-ASG-Instances"))
                .action("Wait-Before-Autoshift", waitFor(ARC_DELAY))
                .then("Start-ARC-Zonal-Autoshift", Arc.startZonalAutoshift(
                        powerTagged(zonalShiftResources(), "RecoverAutoshiftResources").all(), az,
                        duration.minus(ARC_DELAY)));
        if (capacityRoleArns.length > 0) {
            draft = draft.action("Pause-Instance-Launches", Ec2.apiInsufficientInstanceCapacityError(
                    iamRoles().arns(capacityRoleArns).all(), List.of(az), 100, duration));
        }
        return draft;
    }

    private static <R extends ResourceType> Target<R> powerTagged(Target<R> target, String value) {
        return target.tagged(AZ_POWER_TAG, value);
    }

    /**
     * AZ: Application Slowdown: adds latency to the traffic of the tagged EC2 instances (with
     * {@code AWSFIS-Run-Network-Latency-Sources}) and ECS tasks in one Availability Zone.
     *
     * @param base the draft with role, stop conditions and tags
     * @param region the Region of the SSM document
     * @param az the Availability Zone
     * @param duration how long the latency lasts
     * @param delayMilliseconds the added latency
     * @param tagKey the tag key of the instances and tasks
     * @param tagValue the tag value
     * @return a new draft with the scenario's actions
     * @throws IllegalArgumentException if an argument is outside the catalog's range
     */
    public static ExperimentDraft azApplicationSlowdown(ExperimentDraft base, String region, String az,
            Duration duration, int delayMilliseconds, String tagKey, String tagValue) {
        Objects.requireNonNull(base, "base");
        return base
                .description("Application slowdown in " + az + ": " + delayMilliseconds + " ms for " + duration)
                .skipEmptyTargets()
                .action("Slow-Instances", Ssm.sendCommand(
                        ec2Instances().tagged(tagKey, tagValue).running().inAvailabilityZone(az).all(), region,
                        Ssm.runNetworkLatencySources("0.0.0.0/0").delayMilliseconds(delayMilliseconds), duration))
                .action("Slow-Tasks", Ecs.taskNetworkLatency(
                        ecsTasks().tagged(tagKey, tagValue).inAvailabilityZone(az).all(), duration)
                        .delayMilliseconds(delayMilliseconds));
    }

    /**
     * Cross-AZ: Traffic Slowdown: drops packets between the tagged EC2 instances and ECS tasks of
     * one Availability Zone and the other zones (with
     * {@code AWSFIS-Run-Network-Packet-Loss-Sources} and the ECS packet-loss action).
     *
     * @param base the draft with role, stop conditions and tags
     * @param region the Region of the SSM document
     * @param az the Availability Zone whose traffic is slowed
     * @param otherZones the zones on the other side of the traffic
     * @param duration how long the packet loss lasts
     * @param lossPercent the share of packets dropped
     * @param tagKey the tag key of the instances and tasks
     * @param tagValue the tag value
     * @return a new draft with the scenario's actions
     * @throws IllegalArgumentException if an argument is outside the catalog's range
     */
    public static ExperimentDraft crossAzTrafficSlowdown(ExperimentDraft base, String region, String az,
            List<String> otherZones, Duration duration, int lossPercent, String tagKey, String tagValue) {
        Objects.requireNonNull(base, "base");
        String[] sources = otherZones.toArray(new String[0]);
        return base
                .description("Cross-AZ traffic slowdown between " + az + " and " + otherZones + ": "
                        + lossPercent + "% packet loss for " + duration)
                .skipEmptyTargets()
                .action("Drop-Instance-Packets", Ssm.sendCommand(
                        ec2Instances().tagged(tagKey, tagValue).running().inAvailabilityZone(az).all(), region,
                        Ssm.runNetworkPacketLossSources(sources).lossPercent(lossPercent), duration))
                .action("Drop-Task-Packets", Ecs.taskNetworkPacketLoss(
                        ecsTasks().tagged(tagKey, tagValue).inAvailabilityZone(az).all(), duration)
                        .lossPercent(lossPercent).sources(sources));
    }

    /**
     * Cross-Region: Connectivity: blocks traffic between the given subnets and transit gateways
     * and another Region (the FIS scenario blocks it for three hours, at most twelve). Choose
     * the subnets and gateways by ARN, or by tags with a percentage, as your policy allows.
     *
     * @param base the draft with role, stop conditions and tags
     * @param isolatedRegion the Region to cut off, for example {@code eu-west-1}
     * @param duration how long traffic is blocked
     * @param subnets the subnets whose route tables lose the routes to the Region
     * @param transitGateways the transit gateways whose peering to the Region is cut
     * @return a new draft with the scenario's actions
     * @throws IllegalArgumentException if the duration is outside the catalog's range
     */
    public static ExperimentDraft crossRegionConnectivity(ExperimentDraft base, String isolatedRegion,
            Duration duration, Target<Subnet> subnets, Target<TransitGateway> transitGateways) {
        Objects.requireNonNull(base, "base");
        return base
                .description("Cross-Region connectivity: cut off " + isolatedRegion + " for " + duration)
                .skipEmptyTargets()
                .action("Disrupt-Route-Tables", Network.routeTableDisruptCrossRegionConnectivity(subnets,
                        Checks.text("isolatedRegion", isolatedRegion), duration))
                .action("Disrupt-Transit-Gateways", Network.transitGatewayDisruptCrossRegionConnectivity(
                        transitGateways, isolatedRegion, duration));
    }

    /**
     * Compute node loss: stops a percentage of the running instances with a tag and starts them
     * again after a while.
     *
     * @param base the draft with role, stop conditions (an alarm) and tags
     * @param tagKey the tag key of the instances
     * @param tagValue the tag value
     * @param percent the share of the instances to stop, 1 to 100
     * @param restartAfter when FIS starts them again
     * @return a new draft with the scenario's action
     * @throws IllegalArgumentException if the percentage or duration is out of range
     */
    public static ExperimentDraft computeNodeLoss(ExperimentDraft base, String tagKey, String tagValue, int percent,
            Duration restartAfter) {
        Objects.requireNonNull(base, "base");
        return base
                .description("Stop " + percent + "% of the instances tagged " + tagKey + "=" + tagValue + " for "
                        + restartAfter)
                .action("Stop-Instances", Ec2.stopInstances(
                        ec2Instances().tagged(tagKey, tagValue).running().percent(percent))
                        .restartAfter(restartAfter));
    }

    /**
     * Database failover: fails over the tagged Aurora clusters whose writer is in a zone, and
     * reboots the tagged RDS instances of that zone with failover.
     *
     * @param base the draft with role, stop conditions and tags
     * @param tagKey the tag key of the clusters and instances
     * @param tagValue the tag value
     * @param writerAz the Availability Zone of the writers
     * @return a new draft with the scenario's actions
     */
    public static ExperimentDraft databaseFailover(ExperimentDraft base, String tagKey, String tagValue,
            String writerAz) {
        Objects.requireNonNull(base, "base");
        return base
                .description("Fail over the databases tagged " + tagKey + "=" + tagValue + " out of " + writerAz)
                .skipEmptyTargets()
                .action("Failover-Clusters", Rds.failoverDbCluster(
                        rdsClusters().tagged(tagKey, tagValue).writerIn(writerAz).all()))
                .action("Reboot-Instances", Rds.rebootDbInstances(
                        rdsInstances().tagged(tagKey, tagValue).inAvailabilityZone(writerAz).all())
                        .forceFailover(true));
    }
}
