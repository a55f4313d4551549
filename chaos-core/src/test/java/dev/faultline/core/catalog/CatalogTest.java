package dev.faultline.core.catalog;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the shipped action catalog against the FIS reference (shared/reference/fis-api.md §5,
 * §7, §14). Every expected value is transcribed here, so the test needs only the repository.
 */
class CatalogTest {

    private static final Catalog CATALOG = Catalog.defaultCatalog();

    /** §5.2 and §14: the 50 documented actions. */
    private static final List<String> DOCUMENTED_ACTIONS = List.of(
            "aws:fis:inject-api-internal-error",
            "aws:fis:inject-api-throttle-error",
            "aws:fis:inject-api-unavailable-error",
            "aws:fis:wait",
            "aws:arc:start-zonal-autoshift",
            "aws:cloudwatch:assert-alarm-state",
            "aws:dynamodb:global-table-pause-replication",
            "aws:dsql:cluster-connection-failure",
            "aws:ebs:pause-volume-io",
            "aws:ebs:volume-io-latency",
            "aws:ec2:api-insufficient-instance-capacity-error",
            "aws:ec2:asg-insufficient-instance-capacity-error",
            "aws:ec2:reboot-instances",
            "aws:ec2:send-spot-instance-interruptions",
            "aws:ec2:stop-instances",
            "aws:ec2:terminate-instances",
            "aws:ecs:drain-container-instances",
            "aws:ecs:stop-task",
            "aws:ecs:task-cpu-stress",
            "aws:ecs:task-io-stress",
            "aws:ecs:task-kill-process",
            "aws:ecs:task-network-blackhole-port",
            "aws:ecs:task-network-latency",
            "aws:ecs:task-network-packet-loss",
            "aws:eks:inject-kubernetes-custom-resource",
            "aws:eks:pod-cpu-stress",
            "aws:eks:pod-delete",
            "aws:eks:pod-io-stress",
            "aws:eks:pod-memory-stress",
            "aws:eks:pod-network-blackhole-port",
            "aws:eks:pod-network-latency",
            "aws:eks:pod-network-packet-loss",
            "aws:eks:terminate-nodegroup-instances",
            "aws:elasticache:replicationgroup-interrupt-az-power",
            "aws:kinesis:stream-provisioned-throughput-exception",
            "aws:kinesis:stream-expired-iterator-exception",
            "aws:lambda:invocation-add-delay",
            "aws:lambda:invocation-error",
            "aws:lambda:invocation-http-integration-response",
            "aws:memorydb:multi-region-cluster-pause-replication",
            "aws:network:disrupt-connectivity",
            "aws:network:route-table-disrupt-cross-region-connectivity",
            "aws:network:transit-gateway-disrupt-cross-region-connectivity",
            "aws:network:disrupt-vpc-endpoint",
            "aws:rds:failover-db-cluster",
            "aws:rds:reboot-db-instances",
            "aws:s3:bucket-pause-replication",
            "aws:ssm:send-command",
            "aws:ssm:start-automation-execution",
            "aws:directconnect:virtual-interface-disconnect");

    private static final String LEGACY_ACTION = "aws:elasticache:interrupt-cluster-az-power";

    /** §5.1: the 22 target keys. */
    private static final Set<String> TARGET_KEYS = Set.of(
            "AutoScalingGroups", "Buckets", "Cluster", "Clusters", "DBInstances", "Functions", "Instances",
            "KinesisStreams", "ManagedResources", "MultiRegionClusters", "Nodegroups", "Pods", "ReplicationGroups",
            "Roles", "SpotInstances", "Subnets", "Tables", "Tasks", "TransitGateways", "VirtualInterfaces", "Volumes",
            "VPCEndpoints");

    /** §5.2: the target key and resource type of every action that has targets. */
    private static final Map<String, String> KEY_AND_TYPE = Map.ofEntries(
            entry("aws:fis:inject-api-internal-error", "Roles -> aws:iam:role"),
            entry("aws:fis:inject-api-throttle-error", "Roles -> aws:iam:role"),
            entry("aws:fis:inject-api-unavailable-error", "Roles -> aws:iam:role"),
            entry("aws:arc:start-zonal-autoshift", "ManagedResources -> aws:arc:zonal-shift-managed-resource"),
            entry("aws:dynamodb:global-table-pause-replication", "Tables -> aws:dynamodb:global-table"),
            entry("aws:dsql:cluster-connection-failure", "Clusters -> aws:dsql:cluster"),
            entry("aws:ebs:pause-volume-io", "Volumes -> aws:ec2:ebs-volume"),
            entry("aws:ebs:volume-io-latency", "Volumes -> aws:ec2:ebs-volume"),
            entry("aws:ec2:api-insufficient-instance-capacity-error", "Roles -> aws:iam:role"),
            entry("aws:ec2:asg-insufficient-instance-capacity-error", "AutoScalingGroups -> aws:ec2:autoscaling-group"),
            entry("aws:ec2:reboot-instances", "Instances -> aws:ec2:instance"),
            entry("aws:ec2:send-spot-instance-interruptions", "SpotInstances -> aws:ec2:spot-instance"),
            entry("aws:ec2:stop-instances", "Instances -> aws:ec2:instance"),
            entry("aws:ec2:terminate-instances", "Instances -> aws:ec2:instance"),
            entry("aws:ecs:drain-container-instances", "Clusters -> aws:ecs:cluster"),
            entry("aws:ecs:stop-task", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-cpu-stress", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-io-stress", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-kill-process", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-network-blackhole-port", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-network-latency", "Tasks -> aws:ecs:task"),
            entry("aws:ecs:task-network-packet-loss", "Tasks -> aws:ecs:task"),
            entry("aws:eks:inject-kubernetes-custom-resource", "Cluster -> aws:eks:cluster"),
            entry("aws:eks:pod-cpu-stress", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-delete", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-io-stress", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-memory-stress", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-network-blackhole-port", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-network-latency", "Pods -> aws:eks:pod"),
            entry("aws:eks:pod-network-packet-loss", "Pods -> aws:eks:pod"),
            entry("aws:eks:terminate-nodegroup-instances", "Nodegroups -> aws:eks:nodegroup"),
            entry("aws:elasticache:replicationgroup-interrupt-az-power", "ReplicationGroups -> aws:elasticache:replicationgroup"),
            entry(LEGACY_ACTION, "ReplicationGroups -> aws:elasticache:redis-replicationgroup"),
            entry("aws:kinesis:stream-provisioned-throughput-exception", "KinesisStreams -> aws:kinesis:stream"),
            entry("aws:kinesis:stream-expired-iterator-exception", "KinesisStreams -> aws:kinesis:stream"),
            entry("aws:lambda:invocation-add-delay", "Functions -> aws:lambda:function"),
            entry("aws:lambda:invocation-error", "Functions -> aws:lambda:function"),
            entry("aws:lambda:invocation-http-integration-response", "Functions -> aws:lambda:function"),
            entry("aws:memorydb:multi-region-cluster-pause-replication", "MultiRegionClusters -> aws:memorydb:multi-region-cluster"),
            entry("aws:network:disrupt-connectivity", "Subnets -> aws:ec2:subnet"),
            entry("aws:network:route-table-disrupt-cross-region-connectivity", "Subnets -> aws:ec2:subnet"),
            entry("aws:network:transit-gateway-disrupt-cross-region-connectivity", "TransitGateways -> aws:ec2:transit-gateway"),
            entry("aws:network:disrupt-vpc-endpoint", "VPCEndpoints -> aws:ec2:vpc-endpoint"),
            entry("aws:rds:failover-db-cluster", "Clusters -> aws:rds:cluster"),
            entry("aws:rds:reboot-db-instances", "DBInstances -> aws:rds:db"),
            entry("aws:s3:bucket-pause-replication", "Buckets -> aws:s3:bucket"),
            entry("aws:ssm:send-command", "Instances -> aws:ec2:instance"),
            entry("aws:directconnect:virtual-interface-disconnect", "VirtualInterfaces -> aws:directconnect:virtual-interface"));

    /** §5.1: the actions that take no targets. */
    private static final Set<String> TARGETLESS = Set.of(
            "aws:fis:wait", "aws:cloudwatch:assert-alarm-state", "aws:ssm:start-automation-execution");

    @Test
    void actions_are50DocumentedPlusOneDeprecated() {
        assertThat(CATALOG.actionIds()).hasSize(51);
        assertThat(CATALOG.actions().stream().filter(action -> !action.deprecated()).map(ActionDefinition::id))
                .containsExactlyElementsOf(DOCUMENTED_ACTIONS);
        assertThat(CATALOG.actions().stream().filter(ActionDefinition::deprecated).map(ActionDefinition::id))
                .containsExactly(LEGACY_ACTION);
    }

    @Test
    void legacyElastiCacheAction_isDeprecatedAndNamesItsReplacement() {
        ActionDefinition legacy = action(LEGACY_ACTION);
        assertThat(legacy.replacedBy()).contains("aws:elasticache:replicationgroup-interrupt-az-power");
        assertThat(legacy.targetQuota()).hasValue(5);
        assertThat(legacy.quotaCode()).contains("L-B0012750");
        assertThat(CATALOG.actions().stream().filter(action -> !action.deprecated()))
                .allSatisfy(action -> assertThat(action.replacedBy()).isEmpty());
    }

    @Test
    void familyCounts_matchSection14() {
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                entry("fis", 4L), entry("arc", 1L), entry("cloudwatch", 1L), entry("dynamodb", 1L), entry("dsql", 1L),
                entry("ebs", 2L), entry("ec2", 6L), entry("ecs", 8L), entry("eks", 9L), entry("elasticache", 1L),
                entry("kinesis", 2L), entry("lambda", 3L), entry("memorydb", 1L), entry("network", 4L), entry("rds", 2L),
                entry("s3", 1L), entry("ssm", 2L), entry("directconnect", 1L)));
        Map<String, Long> documented = CATALOG.actions().stream()
                .filter(action -> !action.deprecated())
                .collect(Collectors.groupingBy(ActionDefinition::service, TreeMap::new, Collectors.counting()));
        assertThat(documented).isEqualTo(expected);
        assertThat(action(LEGACY_ACTION).service()).isEqualTo("elasticache");
    }

    @Test
    void targetKeys_areThe22KeysOfSection51() {
        assertThat(CATALOG.targetKeys()).containsExactlyInAnyOrderElementsOf(TARGET_KEYS);
    }

    @Test
    void everyActionWithTargets_usesItsDocumentedKeyAndResourceType() {
        assertThat(KEY_AND_TYPE).hasSize(48);
        for (ActionDefinition action : CATALOG.actions()) {
            if (TARGETLESS.contains(action.id())) {
                continue;
            }
            String actual = action.targets().values().stream()
                    .map(key -> key.key() + " -> " + String.join(",", key.resourceTypes()))
                    .collect(Collectors.joining("; "));
            assertThat(actual).as(action.id()).isEqualTo(KEY_AND_TYPE.get(action.id()));
        }
    }

    @Test
    void targetlessActions_haveNoTargets() {
        assertThat(CATALOG.actions().stream().filter(action -> action.targets().isEmpty()).map(ActionDefinition::id))
                .containsExactlyInAnyOrderElementsOf(TARGETLESS);
    }

    @Test
    void targetKeyFor_findsTheKeyOfAResourceType() {
        assertThat(action("aws:ec2:send-spot-instance-interruptions").targetKeyFor("aws:ec2:spot-instance"))
                .contains("SpotInstances");
        assertThat(action("aws:ec2:send-spot-instance-interruptions").targetKeyFor("aws:ec2:instance")).isEmpty();
        assertThat(action("aws:ecs:stop-task").targetKeyFor("aws:ecs:task")).contains("Tasks");
        assertThat(action("aws:eks:inject-kubernetes-custom-resource").targetKeyFor("aws:eks:cluster")).contains("Cluster");
        assertThat(action("aws:fis:wait").targetKeyFor("aws:ec2:instance")).isEmpty();
    }

    @Test
    void durationRanges_followSection52() {
        assertRange("aws:ebs:pause-volume-io", "duration", "PT1S", "PT12H");
        assertRange("aws:ebs:volume-io-latency", "duration", "PT1S", "PT12H");
        assertRange("aws:directconnect:virtual-interface-disconnect", "duration", "PT10M", "PT12H");
        assertRange("aws:ec2:send-spot-instance-interruptions", "durationBeforeInterruption", "PT2M", "PT15M");
        assertRange("aws:ec2:stop-instances", "startInstancesAfterDuration", "PT1M", "PT12H");
        assertRange("aws:eks:inject-kubernetes-custom-resource", "maxDuration", "PT1M", "PT12H");
        assertRange("aws:ssm:start-automation-execution", "maxDuration", "PT1M", "PT12H");
        assertRange("aws:fis:wait", "duration", "PT1M", "PT12H");
        assertRange("aws:network:disrupt-connectivity", "duration", "PT1M", "PT12H");
    }

    @Test
    void everyDurationParameter_hasARange() {
        CATALOG.actions().forEach(action -> action.parameters().values().stream()
                .filter(parameter -> parameter.type() == ParameterType.DURATION)
                .forEach(parameter -> {
                    assertThat(parameter.durationMin()).as(action.id() + " " + parameter.name()).isPresent();
                    assertThat(parameter.durationMax()).as(action.id() + " " + parameter.name()).isPresent();
                }));
    }

    @Test
    void everyEnumParameter_hasValues() {
        CATALOG.actions().forEach(action -> action.parameters().values().stream()
                .filter(parameter -> parameter.type() == ParameterType.ENUM)
                .forEach(parameter -> assertThat(parameter.enumValues()).as(action.id() + " " + parameter.name()).isNotEmpty()));
        CATALOG.resourceTypes().forEach(type -> type.parameters().values().stream()
                .filter(parameter -> parameter.type() == ParameterType.ENUM)
                .forEach(parameter -> assertThat(parameter.enumValues()).as(type.type() + " " + parameter.name()).isNotEmpty()));
        CATALOG.ssmDocuments().forEach(document -> document.parameters().values().stream()
                .filter(parameter -> parameter.type() == ParameterType.ENUM)
                .forEach(parameter -> assertThat(parameter.enumValues()).as(document.name() + " " + parameter.name()).isNotEmpty()));
    }

    @Test
    void durationParameter_isDurationMaxDurationOrStartInstancesAfterDuration() {
        Set<String> instant = Set.of("aws:cloudwatch:assert-alarm-state", "aws:ec2:reboot-instances",
                "aws:ec2:send-spot-instance-interruptions", "aws:ec2:terminate-instances", "aws:ecs:stop-task",
                "aws:ecs:task-kill-process", "aws:eks:pod-delete", "aws:eks:terminate-nodegroup-instances",
                "aws:rds:failover-db-cluster", "aws:rds:reboot-db-instances");
        Set<String> maxDuration = Set.of("aws:eks:inject-kubernetes-custom-resource", "aws:ssm:start-automation-execution");
        for (ActionDefinition action : CATALOG.actions()) {
            String expected = instant.contains(action.id()) ? null
                    : maxDuration.contains(action.id()) ? "maxDuration"
                    : action.id().equals("aws:ec2:stop-instances") ? "startInstancesAfterDuration"
                    : "duration";
            assertThat(action.durationParameter().orElse(null)).as(action.id()).isEqualTo(expected);
        }
    }

    @Test
    void stopInstances_carriesItsDurationInStartInstancesAfterDuration_andHasNoDurationParameter() {
        ActionDefinition stop = action("aws:ec2:stop-instances");
        assertThat(stop.durationParameter()).contains("startInstancesAfterDuration");
        assertThat(stop.parameter("duration")).isEmpty();
        assertThat(stop.parameters().keySet()).containsExactly("startInstancesAfterDuration", "completeIfInstancesTerminated");
        assertThat(stop.parameter("startInstancesAfterDuration").orElseThrow().required()).isFalse();
        assertThat(stop.parameter("completeIfInstancesTerminated").orElseThrow().defaultValue()).contains("false");
    }

    @Test
    void reversibility_followsTheRuleInDocsCatalog() {
        Set<String> irreversible = Set.of("aws:ec2:reboot-instances", "aws:ec2:send-spot-instance-interruptions",
                "aws:ec2:terminate-instances", "aws:ecs:stop-task", "aws:ecs:task-kill-process",
                "aws:eks:inject-kubernetes-custom-resource", "aws:eks:pod-delete", "aws:eks:terminate-nodegroup-instances",
                "aws:rds:failover-db-cluster", "aws:rds:reboot-db-instances", "aws:ssm:send-command",
                "aws:ssm:start-automation-execution");
        assertThat(CATALOG.actions().stream().filter(action -> !action.reversible()).map(ActionDefinition::id))
                .containsExactlyInAnyOrderElementsOf(irreversible);
        assertThat(action("aws:ec2:terminate-instances").reversible()).isFalse();
    }

    @Test
    void stopInstances_isReversibleOnlyWithStartInstancesAfterDuration() {
        ActionDefinition stop = action("aws:ec2:stop-instances");
        assertThat(stop.reversible()).isTrue();
        assertThat(stop.reversibleOnlyWith()).contains("startInstancesAfterDuration");
        assertThat(stop.reversibleWith(Set.of("startInstancesAfterDuration"))).isTrue();
        assertThat(stop.reversibleWith(Set.of("completeIfInstancesTerminated"))).isFalse();
        assertThat(action("aws:ebs:pause-volume-io").reversibleWith(Set.of())).isTrue();
        assertThat(action("aws:ec2:terminate-instances").reversibleWith(Set.of())).isFalse();
    }

    @Test
    void targetQuotas_matchSection7() {
        assertQuota("aws:ec2:stop-instances", 5, "L-3F98B425");
        assertQuota("aws:ec2:terminate-instances", 5, "L-EE64095D");
        assertQuota("aws:ec2:reboot-instances", 5, "L-9C6F1F94");
        assertQuota("aws:ec2:send-spot-instance-interruptions", 5, "L-F3F4B54A");
        assertQuota("aws:ssm:send-command", 5, "L-D0A62255");
        assertQuota("aws:ecs:drain-container-instances", 5, "L-B2CDA938");
        assertQuota("aws:ecs:stop-task", 5, "L-48D12416");
        assertQuota("aws:ecs:task-cpu-stress", 5, "L-C901BF0F");
        assertQuota("aws:ecs:task-network-packet-loss", 5, "L-52F5389C");
        assertQuota("aws:eks:terminate-nodegroup-instances", 5, "L-CCA14F79");
        assertQuota("aws:rds:failover-db-cluster", 5, "L-7D222253");
        assertQuota("aws:rds:reboot-db-instances", 5, "L-6CBFC7D2");
        assertQuota("aws:network:disrupt-connectivity", 5, "L-1F59732D");
        assertQuota("aws:network:transit-gateway-disrupt-cross-region-connectivity", 5, "L-2CF2B517");
        assertQuota("aws:ec2:asg-insufficient-instance-capacity-error", 5, "L-97338E0D");
        assertQuota("aws:network:route-table-disrupt-cross-region-connectivity", 6, "L-100E963F");
        assertQuota("aws:s3:bucket-pause-replication", 20, "L-4B06CB4E");
        assertQuota("aws:eks:pod-cpu-stress", 50, "L-5A59540D");
        assertQuota("aws:eks:pod-delete", 50, "L-08B3DB00");
        assertQuota("aws:eks:pod-network-packet-loss", 50, "L-CFF34A14");
    }

    @Test
    void unconfirmedQuotaDefaults_haveACodeButNoValue() {
        Map<String, String> codeOnly = Map.ofEntries(
                entry("aws:arc:start-zonal-autoshift", "L-4BEF8075"),
                entry("aws:directconnect:virtual-interface-disconnect", "L-143DCE03"),
                entry("aws:dsql:cluster-connection-failure", "L-FA07612D"),
                entry("aws:dynamodb:global-table-pause-replication", "L-9FC608C5"),
                entry("aws:ebs:pause-volume-io", "L-B993CA05"),
                entry("aws:elasticache:replicationgroup-interrupt-az-power", "L-9BD15E96"),
                entry("aws:kinesis:stream-provisioned-throughput-exception", "L-C3959863"),
                entry("aws:kinesis:stream-expired-iterator-exception", "L-E7DA8AFD"),
                entry("aws:lambda:invocation-add-delay", "L-06C992A0"),
                entry("aws:lambda:invocation-error", "L-C32797AE"),
                entry("aws:lambda:invocation-http-integration-response", "L-4E30A9A5"),
                entry("aws:memorydb:multi-region-cluster-pause-replication", "L-31F77559"));
        codeOnly.forEach((id, code) -> {
            assertThat(action(id).targetQuota()).as(id).isEmpty();
            assertThat(action(id).quotaCode()).as(id).contains(code);
        });
    }

    @Test
    void quotaCodes_cover40DocumentedActionsAndTheLegacyOne() {
        Set<String> withoutQuota = Set.of("aws:fis:inject-api-internal-error", "aws:fis:inject-api-throttle-error",
                "aws:fis:inject-api-unavailable-error", "aws:ec2:api-insufficient-instance-capacity-error",
                "aws:eks:inject-kubernetes-custom-resource", "aws:ebs:volume-io-latency", "aws:network:disrupt-vpc-endpoint");
        assertThat(CATALOG.actions().stream()
                .filter(action -> !action.targets().isEmpty() && action.quotaCode().isEmpty())
                .map(ActionDefinition::id))
                .containsExactlyInAnyOrderElementsOf(withoutQuota);
        assertThat(CATALOG.actions().stream().filter(action -> action.quotaCode().isPresent())).hasSize(41);
        assertThat(CATALOG.actions().stream().map(ActionDefinition::quotaCode).flatMap(Optional::stream))
                .doesNotHaveDuplicates();
    }

    @Test
    void permissions_areNonEmptyExceptForWaitAndTheKubernetesCustomResource() {
        assertThat(CATALOG.actions().stream().filter(action -> action.permissions().isEmpty()).map(ActionDefinition::id))
                .containsExactlyInAnyOrder("aws:fis:wait", "aws:eks:inject-kubernetes-custom-resource");
        assertThat(action("aws:ec2:stop-instances").permissions())
                .containsExactly("ec2:StopInstances", "ec2:StartInstances", "ec2:DescribeInstances", "kms:CreateGrant");
        assertThat(action("aws:fis:inject-api-throttle-error").permissions()).containsExactly("fis:InjectApiThrottleError");
        assertThat(action("aws:ec2:api-insufficient-instance-capacity-error").permissions()).containsExactly("ec2:InjectApiError");
        assertThat(action("aws:network:route-table-disrupt-cross-region-connectivity").permissions()).hasSize(20);
    }

    @Test
    void identificationRestrictions_followSection42() {
        Identification ice = action("aws:ec2:api-insufficient-instance-capacity-error").identification().orElseThrow();
        assertThat(ice.allowed()).containsExactly(Identification.Means.ARNS);
        assertThat(ice.minArns()).isEqualTo(1);
        Identification custom = action("aws:eks:inject-kubernetes-custom-resource").identification().orElseThrow();
        assertThat(custom.allowed()).containsExactly(Identification.Means.ARNS);
        assertThat(custom.minArns()).isEqualTo(1);
        assertThat(custom.maxArns()).isEqualTo(1);
        Identification s3 = action("aws:s3:bucket-pause-replication").identification().orElseThrow();
        assertThat(s3.allowed()).containsExactly(Identification.Means.TAGS);
        assertThat(CATALOG.actions().stream().filter(action -> action.identification().isPresent()).map(ActionDefinition::id))
                .containsExactlyInAnyOrder("aws:ec2:api-insufficient-instance-capacity-error",
                        "aws:eks:inject-kubernetes-custom-resource", "aws:s3:bucket-pause-replication");
    }

    @Test
    void identificationRestriction_narrowsTheResourceTypeRule() {
        Identification role = CATALOG.resourceType("aws:iam:role").orElseThrow().identification();
        Identification narrowed = role.narrowedBy(
                action("aws:ec2:api-insufficient-instance-capacity-error").identification().orElseThrow());
        assertThat(narrowed.allowed()).containsExactly(Identification.Means.ARNS);
        assertThat(narrowed.minArns()).isEqualTo(1);
        assertThat(narrowed.maxArns()).isEqualTo(5);
        Identification bucket = CATALOG.resourceType("aws:s3:bucket").orElseThrow().identification()
                .narrowedBy(action("aws:s3:bucket-pause-replication").identification().orElseThrow());
        assertThat(bucket.allowed()).containsExactly(Identification.Means.TAGS);
        assertThat(bucket.maxArns()).isZero();
    }

    @Test
    void unconfirmedRequiredFlags_areOptionalAndMarked() {
        Map<String, List<String>> unconfirmed = Map.ofEntries(
                entry("aws:fis:inject-api-internal-error", List.of("service", "percentage", "operations")),
                entry("aws:arc:start-zonal-autoshift", List.of("managedResourceTypes")),
                entry("aws:ec2:send-spot-instance-interruptions", List.of("durationBeforeInterruption")),
                entry("aws:lambda:invocation-error", List.of("preventExecution")),
                entry("aws:lambda:invocation-http-integration-response", List.of("preventExecution")),
                entry("aws:network:disrupt-connectivity", List.of("scope")),
                entry("aws:ebs:volume-io-latency", List.of("readIOPercentage", "readIOLatencyMilliseconds",
                        "writeIOPercentage", "writeIOLatencyMilliseconds")));
        unconfirmed.forEach((id, names) -> names.forEach(name -> {
            ParameterDefinition parameter = action(id).parameter(name).orElseThrow();
            assertThat(parameter.required()).as(id + " " + name).isFalse();
            assertThat(parameter.requiredUnconfirmed()).as(id + " " + name).isTrue();
            assertThat(parameter.unconfirmed()).as(id + " " + name).isPresent();
        }));
    }

    @Test
    void requiredParameters_followSection52() {
        assertThat(requiredNames("aws:fis:wait")).containsExactly("duration");
        assertThat(requiredNames("aws:cloudwatch:assert-alarm-state")).containsExactly("alarmArns", "alarmStates");
        assertThat(requiredNames("aws:arc:start-zonal-autoshift")).containsExactly("duration", "availabilityZoneIdentifier");
        assertThat(requiredNames("aws:ec2:asg-insufficient-instance-capacity-error"))
                .containsExactly("duration", "availabilityZoneIdentifiers");
        assertThat(requiredNames("aws:ecs:task-network-blackhole-port")).containsExactly("duration", "port", "trafficType");
        assertThat(requiredNames("aws:ecs:task-kill-process")).containsExactly("processName");
        assertThat(requiredNames("aws:eks:pod-network-blackhole-port"))
                .containsExactly("duration", "protocol", "trafficType", "port", "kubernetesServiceAccount");
        assertThat(requiredNames("aws:eks:pod-delete")).containsExactly("kubernetesServiceAccount");
        assertThat(requiredNames("aws:eks:inject-kubernetes-custom-resource")).containsExactly(
                "kubernetesApiVersion", "kubernetesKind", "kubernetesNamespace", "kubernetesSpec", "maxDuration");
        assertThat(requiredNames("aws:lambda:invocation-http-integration-response"))
                .containsExactly("contentTypeHeader", "duration", "statusCode");
        assertThat(requiredNames("aws:s3:bucket-pause-replication")).containsExactly("duration", "region");
        assertThat(requiredNames("aws:ssm:send-command")).containsExactly("documentArn", "duration");
        assertThat(requiredNames("aws:ssm:start-automation-execution")).containsExactly("documentArn", "maxDuration");
        assertThat(requiredNames("aws:ec2:terminate-instances")).isEmpty();
        assertThat(requiredNames("aws:rds:reboot-db-instances")).isEmpty();
    }

    @Test
    void prefixListIdentifier_isRequiredWhenScopeIsPrefixList() {
        ParameterDefinition prefixList = action("aws:network:disrupt-connectivity").parameter("prefixListIdentifier").orElseThrow();
        assertThat(prefixList.required()).isFalse();
        ParameterCondition when = prefixList.requiredWhen().orElseThrow();
        assertThat(when.parameter()).contains("scope");
        assertThat(when.values()).containsExactly("prefix-list");
        assertThat(when.appliesTo(Map.of("scope", "prefix-list"))).isTrue();
        assertThat(when.appliesTo(Map.of("scope", "all"))).isFalse();
        assertThat(when.appliesTo(Map.of())).isFalse();
        ParameterCondition documentParameters = action("aws:ssm:send-command").parameter("documentParameters").orElseThrow()
                .requiredWhen().orElseThrow();
        assertThat(documentParameters.isMachineCheckable()).isFalse();
        assertThat(documentParameters.appliesTo(Map.of("documentArn", "x"))).isFalse();
    }

    @Test
    void enumerationsAndRanges_followSection52() {
        assertThat(action("aws:network:disrupt-connectivity").parameter("scope").orElseThrow().enumValues())
                .containsExactly("all", "availability-zone", "dynamodb", "prefix-list", "s3", "s3express", "vpc");
        assertThat(action("aws:eks:inject-kubernetes-custom-resource").parameter("kubernetesKind").orElseThrow().enumValues())
                .hasSize(17).contains("PodChaos", "StressChaos", "ChaosEngine");
        assertThat(action("aws:eks:inject-kubernetes-custom-resource").parameter("kubernetesApiVersion").orElseThrow().enumValues())
                .containsExactly("chaos-mesh.org/v1alpha1", "litmuschaos.io/v1alpha1");
        assertThat(action("aws:eks:pod-cpu-stress").parameter("fisPodSecurityPolicy").orElseThrow().enumValues())
                .containsExactly("privileged", "baseline", "restricted");
        assertThat(action("aws:eks:pod-network-latency").parameter("fisPodSecurityPolicy")).isEmpty();
        ParameterDefinition alarmArns = action("aws:cloudwatch:assert-alarm-state").parameter("alarmArns").orElseThrow();
        assertThat(alarmArns.type()).isEqualTo(ParameterType.LIST);
        assertThat(alarmArns.maxItems()).hasValue(5);
        assertThat(action("aws:cloudwatch:assert-alarm-state").parameter("alarmStates").orElseThrow().itemValues())
                .containsExactly("OK", "ALARM", "INSUFFICIENT_DATA");
        ParameterDefinition delay = action("aws:lambda:invocation-add-delay").parameter("startupDelayMilliseconds").orElseThrow();
        assertThat(delay.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("0"));
        assertThat(delay.max()).hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("900000"));
        assertThat(delay.defaultValue()).contains("1000");
        ParameterDefinition readPercent = action("aws:ebs:volume-io-latency").parameter("readIOPercentage").orElseThrow();
        assertThat(readPercent.min()).hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("0.1"));
        assertThat(action("aws:dsql:cluster-connection-failure").parameter("percentage").orElseThrow().type())
                .isEqualTo(ParameterType.PERCENT);
        assertThat(action("aws:arc:start-zonal-autoshift").parameter("zonalAutoshiftStatus").orElseThrow().defaultValue())
                .contains("ENABLED");
    }

    @Test
    void durationDefaultRange_isOneMinuteToTwelveHours() {
        ParameterDefinition duration = action("aws:fis:wait").parameter("duration").orElseThrow();
        assertThat(duration.durationMin()).contains(Duration.ofMinutes(1));
        assertThat(duration.durationMax()).contains(Duration.ofHours(12));
    }

    @Test
    void lookups_areExactAndRejectNull() {
        assertThat(CATALOG.action("aws:ec2:stop-instances")).isPresent();
        assertThat(CATALOG.action("AWS:EC2:STOP-INSTANCES")).isEmpty();
        assertThat(CATALOG.action("aws:ebs:pause-io")).isEmpty();
        assertThat(CATALOG.action("aws:kinesis:inject-api-provisioned-throughput-exception")).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> CATALOG.action(null));
        assertThat(action("aws:ec2:stop-instances").parameter("StartInstancesAfterDuration")).isEmpty();
    }

    @Test
    void defaultCatalog_isLoadedOnce() {
        assertThat(Catalog.defaultCatalog()).isSameAs(CATALOG);
        assertThat(CATALOG).hasToString("Catalog[51 actions, 25 resource types, 13 SSM documents]");
    }

    @Test
    void collections_areUnmodifiable() {
        assertThatThrownBy(() -> CATALOG.actions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> action("aws:fis:wait").parameters().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.targetKeys().add("Things"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static ActionDefinition action(String id) {
        return CATALOG.action(id).orElseThrow(() -> new AssertionError("no action " + id));
    }

    private static List<String> requiredNames(String id) {
        return action(id).requiredParameters().stream().map(ParameterDefinition::name).toList();
    }

    private static void assertRange(String id, String parameter, String min, String max) {
        ParameterDefinition definition = action(id).parameter(parameter).orElseThrow();
        assertThat(definition.type()).isEqualTo(ParameterType.DURATION);
        assertThat(definition.durationMin()).as(id + " min").contains(Duration.parse(min));
        assertThat(definition.durationMax()).as(id + " max").contains(Duration.parse(max));
    }

    private static void assertQuota(String id, int quota, String code) {
        assertThat(action(id).targetQuota()).as(id).hasValue(quota);
        assertThat(action(id).quotaCode()).as(id).contains(code);
    }
}
