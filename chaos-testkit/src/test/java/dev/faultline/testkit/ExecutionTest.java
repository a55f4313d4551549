package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.testkit.internal.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {

    private ManualClock clock;
    private Inventory inventory;
    private Engine engine;
    private Experiments experiments;
    private int tokens;

    @BeforeEach
    void setUp() {
        clock = Clocks.manual();
        inventory = new Inventory("123456789012", "us-east-1");
        inventory.ec2Instances(4, "Role", "web").rdsCluster("orders", 3).ecsTasks("shop", "cart", 2)
                .eksPods("eks1", "default", "api", 2).subnets("vpc-0a", "Tier", "app");
        engine = new Engine("123456789012", "us-east-1", clock, inventory,
                new Alarms("123456789012", "us-east-1", clock), 3);
        experiments = new Experiments(engine, 4);
        clock.onAdvance(engine::tick);
    }

    private String run(String targets, String actions) {
        String body = "{\"clientToken\":\"t" + (tokens++) + "\",\"description\":\"d\","
                + "\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"stopConditions\":[{\"source\":\"none\"}],"
                + "\"targets\":" + targets + ",\"actions\":" + actions + "}";
        String templateId = engine.createTemplate(Json.parse(body)).path("experimentTemplate").path("id").asText();
        return experiments.start(Json.parse("{\"clientToken\":\"s" + (tokens++) + "\",\"experimentTemplateId\":\""
                + templateId + "\"}")).path("experiment").path("id").asText();
    }

    private JsonNode get(String id) {
        return experiments.get(id).path("experiment");
    }

    private static String status(JsonNode e) {
        return e.path("state").path("status").asText();
    }

    private static String action(JsonNode e, String name) {
        return e.path("actions").path(name).path("state").path("status").asText();
    }

    @Test
    void startAfter_runsActionsInOrder_forTheirDurations() {
        String id = run("{}", "{\"First\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT2M\"}},"
                + "\"Second\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT3M\"},\"startAfter\":[\"First\"]}}");
        clock.advance(Duration.ofSeconds(2));
        assertThat(action(get(id), "First")).isEqualTo("running");
        assertThat(action(get(id), "Second")).isEqualTo("pending");
        clock.advance(Duration.ofMinutes(2));
        assertThat(action(get(id), "First")).isEqualTo("completed");
        assertThat(action(get(id), "Second")).isEqualTo("running");
        clock.advance(Duration.ofMinutes(10));
        JsonNode done = get(id);
        assertThat(status(done)).isEqualTo("completed");
        Instant start = Instant.ofEpochSecond(done.path("startTime").asLong());
        assertThat(done.path("actions").path("Second").path("startTime").decimalValue().longValue())
                .isEqualTo(start.plusSeconds(1 + 120).getEpochSecond());
        assertThat(done.path("endTime").decimalValue().longValue())
                .isEqualTo(start.plusSeconds(1 + 300).getEpochSecond());
    }

    @Test
    void stop_cancelsPendingActions_andStopsRunningOnes() {
        String id = run("{}", "{\"First\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT5M\"}},"
                + "\"Second\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT3M\"},\"startAfter\":[\"First\"]}}");
        clock.advance(Duration.ofMinutes(1));
        experiments.stop(id);
        clock.advance(Duration.ofSeconds(1));
        JsonNode e = get(id);
        assertThat(status(e)).isEqualTo("stopped");
        assertThat(action(e, "First")).isEqualTo("stopped");
        assertThat(action(e, "Second")).isEqualTo("cancelled");
    }

    @Test
    void terminate_terminatesInstances() {
        run("{\"W\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"web\"},\"selectionMode\":\"COUNT(1)\"}}",
                "{\"Kill\":{\"actionId\":\"aws:ec2:terminate-instances\",\"targets\":{\"Instances\":\"W\"}}}");
        clock.advance(Duration.ofSeconds(5));
        assertThat(inventory.resources("aws:ec2:instance")).filteredOn(r -> r.text("State.Name").orElse("")
                .equals("terminated")).hasSize(1);
    }

    @Test
    void rdsFailover_movesTheWriter() {
        run("{\"C\":{\"resourceType\":\"aws:rds:cluster\",\"resourceArns\":[\"arn:aws:rds:us-east-1:123456789012:cluster:orders\"],"
                + "\"selectionMode\":\"ALL\"}}", "{\"Failover\":{\"actionId\":\"aws:rds:failover-db-cluster\",\"targets\":{\"Clusters\":\"C\"}}}");
        clock.advance(Duration.ofSeconds(5));
        assertThat(inventory.events()).extracting(InventoryEvent::change).contains("writer: orders-1 -> orders-2");
        assertThat(inventory.resources("aws:rds:cluster").get(0).valuesAt("DBClusterMembers.IsClusterWriter"))
                .containsExactly("false", "true", "false");
    }

    @Test
    void ecsStopTask_eksPodDelete_reboot_haveTheirEffects() {
        run("{\"Tasks\":{\"resourceType\":\"aws:ecs:task\",\"parameters\":{\"cluster\":\"shop\",\"service\":\"cart\"},\"selectionMode\":\"COUNT(1)\"},"
                + "\"Pods\":{\"resourceType\":\"aws:eks:pod\",\"parameters\":{\"clusterIdentifier\":\"eks1\",\"namespace\":\"default\","
                + "\"selectorType\":\"deploymentName\",\"selectorValue\":\"api\"},\"selectionMode\":\"ALL\"},"
                + "\"Vms\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"web\"},\"selectionMode\":\"COUNT(2)\"}}",
                "{\"StopTask\":{\"actionId\":\"aws:ecs:stop-task\",\"targets\":{\"Tasks\":\"Tasks\"}},"
                        + "\"DeletePods\":{\"actionId\":\"aws:eks:pod-delete\",\"parameters\":{\"kubernetesServiceAccount\":\"fis\"},"
                        + "\"targets\":{\"Pods\":\"Pods\"}},"
                        + "\"Reboot\":{\"actionId\":\"aws:ec2:reboot-instances\",\"targets\":{\"Instances\":\"Vms\"}}}");
        clock.advance(Duration.ofSeconds(5));
        assertThat(inventory.resources("aws:ecs:task")).filteredOn(r -> r.text("LastStatus").orElse("").equals("STOPPED"))
                .hasSize(1);
        assertThat(inventory.resources("aws:eks:pod")).isEmpty();
        assertThat(inventory.events()).filteredOn(e -> e.change().equals("rebooted")).hasSize(2);
    }

    @Test
    void disruptConnectivity_marksSubnetsForItsDuration() {
        String id = run("{\"S\":{\"resourceType\":\"aws:ec2:subnet\",\"resourceTags\":{\"Tier\":\"app\"},"
                + "\"parameters\":{\"availabilityZoneIdentifier\":\"us-east-1a\"},\"selectionMode\":\"ALL\"}}",
                "{\"Cut\":{\"actionId\":\"aws:network:disrupt-connectivity\",\"parameters\":{\"duration\":\"PT4M\",\"scope\":\"all\"},"
                        + "\"targets\":{\"Subnets\":\"S\"}}}");
        clock.advance(Duration.ofMinutes(1));
        assertThat(inventory.resources("aws:ec2:subnet")).filteredOn(r -> r.attribute("Disrupted").isPresent())
                .extracting(r -> r.text("AvailabilityZone").orElseThrow()).containsExactly("us-east-1a");
        clock.advance(Duration.ofMinutes(4));
        assertThat(status(get(id))).isEqualTo("completed");
        assertThat(inventory.resources("aws:ec2:subnet")).allSatisfy(r -> assertThat(r.attribute("Disrupted")).isEmpty());
    }

    @Test
    void injectedActionFailure_failsTheExperimentWithTheCode_andRunsPostActions() {
        engine.failAction("aws:ec2:terminate-instances", "AuthorizationFailure");
        String id = run("{\"W\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"web\"},\"selectionMode\":\"COUNT(2)\"}}",
                "{\"Stop\":{\"actionId\":\"aws:ec2:stop-instances\",\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},"
                        + "\"targets\":{\"Instances\":\"W\"}},"
                        + "\"Wait\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}},"
                        + "\"Kill\":{\"actionId\":\"aws:ec2:terminate-instances\",\"startAfter\":[\"Wait\"],\"targets\":{\"Instances\":\"W\"}},"
                        + "\"Later\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"},\"startAfter\":[\"Kill\"]}}");
        clock.advance(Duration.ofMinutes(2));
        JsonNode e = get(id);
        assertThat(status(e)).isEqualTo("failed");
        assertThat(e.path("state").path("error").path("code").asText()).isEqualTo("AuthorizationFailure");
        assertThat(e.path("state").path("error").path("location").asText()).isEqualTo("Kill");
        assertThat(action(e, "Kill")).isEqualTo("failed");
        assertThat(action(e, "Stop")).isEqualTo("stopped");
        assertThat(action(e, "Later")).isEqualTo("cancelled");
        assertThat(inventory.resources("aws:ec2:instance")).allSatisfy(r -> assertThat(r.text("State.Name")).hasValue("running"));
    }

    @Test
    void targetQuotas_whenEnforced_failWithQuotaExceededFailure() {
        inventory.ec2Instances(6, "Role", "batch");
        String targets = "{\"B\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"batch\"},\"selectionMode\":\"ALL\"}}";
        String actions = "{\"Stop\":{\"actionId\":\"aws:ec2:stop-instances\",\"targets\":{\"Instances\":\"B\"}}}";
        String lenient = run(targets, actions);
        engine.enforceTargetQuotas(true);
        String strict = run(targets, actions);
        clock.advance(Duration.ofSeconds(5));

        assertThat(status(get(lenient))).isEqualTo("completed");
        JsonNode e = get(strict);
        assertThat(status(e)).isEqualTo("failed");
        assertThat(e.path("state").path("error").path("code").asText()).isEqualTo("QuotaExceededFailure");
        assertThat(e.path("state").path("reason").asText()).contains("6 resources").contains("quota of 5");
    }
}
