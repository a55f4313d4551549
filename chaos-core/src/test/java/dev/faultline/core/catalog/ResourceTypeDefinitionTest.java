package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holds the shipped resource types against fis-api.md §4.1 and §4.2. */
class ResourceTypeDefinitionTest {

    private static final Catalog CATALOG = Catalog.defaultCatalog();

    /** §4.1: the 24 documented resource types. */
    private static final List<String> DOCUMENTED_TYPES = List.of(
            "aws:arc:zonal-shift-managed-resource", "aws:directconnect:virtual-interface", "aws:dsql:cluster",
            "aws:dynamodb:global-table", "aws:ec2:autoscaling-group", "aws:ec2:ebs-volume", "aws:ec2:instance",
            "aws:ec2:spot-instance", "aws:ec2:subnet", "aws:ec2:transit-gateway", "aws:ec2:vpc-endpoint",
            "aws:ecs:cluster", "aws:ecs:task", "aws:eks:cluster", "aws:eks:nodegroup", "aws:eks:pod",
            "aws:elasticache:replicationgroup", "aws:iam:role", "aws:kinesis:stream", "aws:lambda:function",
            "aws:memorydb:multi-region-cluster", "aws:rds:cluster", "aws:rds:db", "aws:s3:bucket");

    @Test
    void resourceTypes_areThe24OfSection41PlusOneLegacy() {
        assertThat(CATALOG.resourceTypes().stream().filter(type -> !type.legacy()).map(ResourceTypeDefinition::type))
                .containsExactlyElementsOf(DOCUMENTED_TYPES);
        assertThat(CATALOG.resourceTypes().stream().filter(ResourceTypeDefinition::legacy).map(ResourceTypeDefinition::type))
                .containsExactly("aws:elasticache:redis-replicationgroup");
    }

    @Test
    void everyResourceTypeUsedByAnAction_isCatalogued_andEveryTypeIsUsed() {
        List<String> used = CATALOG.actions().stream()
                .flatMap(action -> action.targets().values().stream())
                .flatMap(key -> key.resourceTypes().stream())
                .distinct()
                .toList();
        assertThat(used).allSatisfy(type -> assertThat(CATALOG.resourceType(type)).as(type).isPresent());
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                CATALOG.resourceTypes().stream().map(ResourceTypeDefinition::type).toList());
    }

    @Test
    void describeApis_followSection41() {
        assertThat(describeApi("aws:ec2:instance")).isEqualTo("DescribeInstances");
        assertThat(describeApi("aws:rds:cluster")).isEqualTo("DescribeDBClusters");
        assertThat(describeApi("aws:kinesis:stream")).isEqualTo("DescribeStreamSummary");
        assertThat(describeApi("aws:dsql:cluster")).isEqualTo("GetCluster");
        assertThat(describeApi("aws:iam:role")).isEqualTo("ListRoles");
        assertThat(type("aws:eks:pod").describeApi()).isEmpty();
    }

    @Test
    void eksPod_isIdentifiedByParametersOnly_withFourRequired() {
        ResourceTypeDefinition pod = type("aws:eks:pod");
        assertThat(pod.identification().allowed()).containsExactly(Identification.Means.PARAMETERS);
        assertThat(pod.identification().maxArns()).isZero();
        assertThat(pod.arnFormats()).isEmpty();
        assertThat(required(pod)).containsExactly("clusterIdentifier", "namespace", "selectorType", "selectorValue");
        assertThat(pod.parameters().keySet()).containsExactly("clusterIdentifier", "namespace", "selectorType",
                "selectorValue", "availabilityZoneIdentifier", "targetContainerName");
        assertThat(pod.parameter("selectorType").orElseThrow().enumValues())
                .containsExactly("labelSelector", "deploymentName", "podName");
    }

    @Test
    void resourceParameters_followSection41() {
        Map<String, List<String>> parameters = Map.of(
                "aws:ec2:ebs-volume", List.of("availabilityZoneIdentifier"),
                "aws:ec2:subnet", List.of("availabilityZoneIdentifier", "vpc"),
                "aws:ecs:task", List.of("cluster", "service"),
                "aws:elasticache:replicationgroup", List.of("availabilityZoneIdentifier"),
                "aws:lambda:function", List.of("functionQualifier"),
                "aws:rds:cluster", List.of("writerAvailabilityZoneIdentifiers"),
                "aws:rds:db", List.of("availabilityZoneIdentifiers"));
        parameters.forEach((name, expected) ->
                assertThat(type(name).parameters().keySet()).as(name).containsExactlyElementsOf(expected));
        assertThat(required(type("aws:elasticache:replicationgroup"))).containsExactly("availabilityZoneIdentifier");
        assertThat(required(type("aws:ec2:subnet"))).isEmpty();
        assertThat(required(type("aws:ecs:task"))).isEmpty();
        assertThat(type("aws:ec2:instance").parameters()).isEmpty();
        assertThat(type("aws:ecs:task").identification().allows(Identification.Means.PARAMETERS)).isTrue();
        assertThat(type("aws:ec2:instance").identification().allows(Identification.Means.PARAMETERS)).isFalse();
        assertThat(type("aws:ec2:instance").identification().allowed())
                .containsExactly(Identification.Means.ARNS, Identification.Means.TAGS, Identification.Means.FILTERS);
        assertThat(type("aws:ec2:instance").identification().maxArns()).isEqualTo(5);
    }

    @Test
    void arnFormats_matchTheServiceAuthorizationReference() {
        Map<String, String> arns = Map.ofEntries(
                Map.entry("aws:ec2:instance", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"),
                Map.entry("aws:ec2:spot-instance", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"),
                Map.entry("aws:ec2:ebs-volume", "arn:aws:ec2:us-east-1:123456789012:volume/vol-0123456789abcdef0"),
                Map.entry("aws:ec2:subnet", "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0123"),
                Map.entry("aws:ec2:transit-gateway", "arn:aws:ec2:us-east-1:123456789012:transit-gateway/tgw-0123"),
                Map.entry("aws:ec2:vpc-endpoint", "arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-0123"),
                Map.entry("aws:ec2:autoscaling-group", "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
                        + "6d4ea7a8-1234-4a4b-9d8e-0123456789ab:autoScalingGroupName/web"),
                Map.entry("aws:ecs:cluster", "arn:aws:ecs:us-east-1:123456789012:cluster/default"),
                Map.entry("aws:ecs:task", "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef"),
                Map.entry("aws:eks:cluster", "arn:aws:eks:us-east-1:123456789012:cluster/prod"),
                Map.entry("aws:eks:nodegroup", "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/ng/abcd-1234"),
                Map.entry("aws:elasticache:replicationgroup", "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:cache"),
                Map.entry("aws:iam:role", "arn:aws:iam::123456789012:role/path/launcher"),
                Map.entry("aws:kinesis:stream", "arn:aws:kinesis:us-east-1:123456789012:stream/orders"),
                Map.entry("aws:lambda:function", "arn:aws:lambda:us-east-1:123456789012:function:checkout:live"),
                Map.entry("aws:memorydb:multi-region-cluster", "arn:aws:memorydb::123456789012:multiregioncluster/virxk-orders"),
                Map.entry("aws:rds:cluster", "arn:aws:rds:us-east-1:123456789012:cluster:aurora-orders"),
                Map.entry("aws:rds:db", "arn:aws:rds:us-east-1:123456789012:db:orders"),
                Map.entry("aws:s3:bucket", "arn:aws:s3:::my-bucket"),
                Map.entry("aws:dynamodb:global-table", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
                Map.entry("aws:dsql:cluster", "arn:aws:dsql:us-east-1:123456789012:cluster/abcdefghijklmnopqrstuvwxyz"),
                Map.entry("aws:directconnect:virtual-interface", "arn:aws:directconnect:us-east-1:123456789012:dxvif/dxvif-ffabc123"),
                Map.entry("aws:arc:zonal-shift-managed-resource",
                        "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"));
        arns.forEach((name, arn) -> assertThat(type(name).matchesArn(arn)).as(name + " " + arn).isTrue());
        assertThat(type("aws:rds:db").matchesArn("arn:aws:rds:us-east-1:123456789012:cluster:aurora-orders")).isFalse();
        assertThat(type("aws:ec2:instance").matchesArn("arn:aws:ec2:us-east-1:123456789012:volume/vol-1")).isFalse();
        assertThat(type("aws:iam:role").matchesArn("arn:aws:iam:us-east-1:123456789012:role/launcher")).isFalse();
        assertThat(type("aws:s3:bucket").matchesArn("arn:aws:s3:us-east-1:123456789012:my-bucket")).isFalse();
        assertThat(type("aws:eks:pod").matchesArn("arn:aws:eks:us-east-1:123456789012:cluster/prod")).isFalse();
    }

    @Test
    void arnServiceAndPrefix_describeThePrimaryFormat() {
        assertThat(type("aws:ec2:instance").arnService()).contains("ec2");
        assertThat(type("aws:ec2:instance").arnResourcePrefix()).contains("instance/");
        assertThat(type("aws:rds:cluster").arnResourcePrefix()).contains("cluster:");
        assertThat(type("aws:rds:db").arnResourcePrefix()).contains("db:");
        assertThat(type("aws:iam:role").arnFormats()).containsExactly(new ArnFormat("iam", "role/", false, true));
        assertThat(type("aws:s3:bucket").arnFormats()).containsExactly(new ArnFormat("s3", "", false, false));
        assertThat(type("aws:arc:zonal-shift-managed-resource").arnFormats()).hasSize(4);
        assertThat(type("aws:eks:pod").arnService()).isEmpty();
    }

    @Test
    void service_isTheMiddlePartOfTheType() {
        assertThat(type("aws:ec2:ebs-volume").service()).isEqualTo("ec2");
        assertThat(type("aws:arc:zonal-shift-managed-resource").service()).isEqualTo("arc");
    }

    private static ResourceTypeDefinition type(String name) {
        return CATALOG.resourceType(name).orElseThrow(() -> new AssertionError("no resource type " + name));
    }

    private static String describeApi(String name) {
        return type(name).describeApi().orElseThrow();
    }

    private static List<String> required(ResourceTypeDefinition type) {
        return type.parameters().values().stream().filter(ParameterDefinition::required).map(ParameterDefinition::name).toList();
    }
}
