package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetResolverTest {

    private static Inventory fleet() {
        Inventory inv = new Inventory("123456789012", "us-east-1");
        inv.ec2Instances(5, "Env", "prod", "Role", "web");
        inv.ec2Instances(5, "Env", "prod", "Role", "worker");
        inv.ec2Instances(2, "Env", "dev", "Role", "web");
        inv.resources("aws:ec2:instance").get(0).setAttribute("State.Name", "stopped");
        inv.subnets("vpc-0a", "Tier", "app");
        inv.subnets("vpc-0b", "Tier", "app");
        inv.ecsTasks("shop", "cart", 4);
        inv.ecsTasks("shop", "checkout", 2);
        inv.eksPods("eks1", "default", "api", 3);
        inv.eksPods("eks1", "default", "worker", 2);
        inv.add(SimResource.builder("aws:ec2:instance", "i-multi").tag("Env", "prod")
                .attribute("NetworkInterfaces", List.of(
                        java.util.Map.of("Groups", List.of(java.util.Map.of("GroupId", "sg-1"))),
                        java.util.Map.of("Groups", List.of(java.util.Map.of("GroupId", "sg-2")))))
                .attribute("State.Name", "running"));
        return inv;
    }

    private static Experiment template(String target) {
        return TemplateJson.parse("{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{\"T\":" + target + "},"
                + "\"actions\":{\"A\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}}}");
    }

    private static TargetResolver.Resolution resolve(String target, long seed) {
        return TargetResolver.resolve(template(target), fleet(), new SplittableRandom(seed));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // tags are ANDed
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\",\"Role\":\"web\"},"
                        + "\"selectionMode\":\"ALL\"}", 5),
                // a filter on State.Name (PascalCase path) narrows
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\",\"Role\":\"web\"},"
                        + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"ALL\"}", 4),
                // values in one filter are ORed; filters are ANDed
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\"},"
                        + "\"filters\":[{\"path\":\"Placement.AvailabilityZone\",\"values\":[\"us-east-1a\",\"us-east-1b\"]},"
                        + "{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"ALL\"}", 6),
                // several values at a path (through lists): any one matches
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\"},"
                        + "\"filters\":[{\"path\":\"NetworkInterfaces.Groups.GroupId\",\"values\":[\"sg-2\"]}],"
                        + "\"selectionMode\":\"ALL\"}", 1),
                // PERCENT rounds down: 50% of 5 is 2
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\",\"Role\":\"web\"},"
                        + "\"selectionMode\":\"PERCENT(50)\"}", 2),
                // COUNT is capped by what exists
                Arguments.of("{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"dev\"},"
                        + "\"selectionMode\":\"COUNT(5)\"}", 2),
                // subnet parameters: AZ and VPC
                Arguments.of("{\"resourceType\":\"aws:ec2:subnet\",\"resourceTags\":{\"Tier\":\"app\"},"
                        + "\"parameters\":{\"availabilityZoneIdentifier\":\"us-east-1a\"},\"selectionMode\":\"ALL\"}", 2),
                Arguments.of("{\"resourceType\":\"aws:ec2:subnet\",\"resourceTags\":{\"Tier\":\"app\"},"
                        + "\"parameters\":{\"availabilityZoneIdentifier\":\"use1-az2\",\"vpc\":\"vpc-0b\"},"
                        + "\"selectionMode\":\"ALL\"}", 1),
                // ECS tasks by cluster and service parameters
                Arguments.of("{\"resourceType\":\"aws:ecs:task\",\"parameters\":{\"cluster\":\"shop\",\"service\":\"cart\"},"
                        + "\"selectionMode\":\"ALL\"}", 4),
                // EKS pods by deployment, label selector
                Arguments.of("{\"resourceType\":\"aws:eks:pod\",\"parameters\":{\"clusterIdentifier\":\"eks1\","
                        + "\"namespace\":\"default\",\"selectorType\":\"deploymentName\",\"selectorValue\":\"api\"},"
                        + "\"selectionMode\":\"ALL\"}", 3),
                Arguments.of("{\"resourceType\":\"aws:eks:pod\",\"parameters\":{\"clusterIdentifier\":\"eks1\","
                        + "\"namespace\":\"default\",\"selectorType\":\"labelSelector\",\"selectorValue\":\"app=worker\"},"
                        + "\"selectionMode\":\"ALL\"}", 2),
                Arguments.of("{\"resourceType\":\"aws:eks:pod\",\"parameters\":{\"clusterIdentifier\":\"eks1\","
                        + "\"namespace\":\"other\",\"selectorType\":\"deploymentName\",\"selectorValue\":\"api\"},"
                        + "\"selectionMode\":\"ALL\"}", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resolve_countsAsFisDoes(String target, int expected) {
        TargetResolver.Resolution r = resolve(target, 1);
        if (expected == 0) {
            assertThat(r.failedTarget()).hasValue("T");
        } else {
            assertThat(r.failure()).isEmpty();
            assertThat(r.targets().get("T")).hasSize(expected);
        }
    }

    @Test
    void resolve_percentBelowOne_failsAsEmpty() {
        TargetResolver.Resolution r = resolve("{\"resourceType\":\"aws:ec2:instance\","
                + "\"resourceTags\":{\"Env\":\"dev\"},\"selectionMode\":\"PERCENT(10)\"}", 1);
        assertThat(r.failedTarget()).hasValue("T");
        assertThat(r.failure().orElseThrow()).contains("empty");
    }

    @Test
    void resolve_unknownArn_failsEvenInSkipMode() {
        Experiment e = TemplateJson.parse("{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"stopConditions\":[{\"source\":\"none\"}],\"experimentOptions\":{\"emptyTargetResolutionMode\":\"skip\"},"
                + "\"targets\":{\"T\":{\"resourceType\":\"aws:ec2:instance\","
                + "\"resourceArns\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-gone\"],\"selectionMode\":\"ALL\"}},"
                + "\"actions\":{\"A\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}}}");
        TargetResolver.Resolution r = TargetResolver.resolve(e, fleet(), new SplittableRandom(1));
        assertThat(r.failure().orElseThrow()).contains("i-gone");
    }

    @Test
    void resolve_sameSeed_sameChoice_otherSeeds_vary() {
        String target = "{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Env\":\"prod\"},\"selectionMode\":\"COUNT(3)\"}";
        List<String> first = arns(resolve(target, 99));
        assertThat(arns(resolve(target, 99))).isEqualTo(first);
        List<List<String>> others = Stream.of(1L, 2L, 3L, 4L, 5L).map(s -> arns(resolve(target, s)))
                .collect(Collectors.toList());
        assertThat(others).anySatisfy(o -> assertThat(o).isNotEqualTo(first));
    }

    private static List<String> arns(TargetResolver.Resolution r) {
        return r.targets().get("T").stream().map(SimResource::arn).collect(Collectors.toList());
    }
}
