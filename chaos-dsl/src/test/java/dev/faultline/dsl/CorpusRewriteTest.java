package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.dynamoDbGlobalTables;
import static dev.faultline.dsl.Chaos.ebsVolumes;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.ecsTasks;
import static dev.faultline.dsl.Chaos.elastiCacheReplicationGroups;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.rdsClusters;
import static dev.faultline.dsl.Chaos.spotInstances;
import static dev.faultline.dsl.Chaos.subnets;
import static dev.faultline.dsl.Chaos.virtualInterfaces;
import static dev.faultline.dsl.Chaos.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates of the corpus written again in the DSL give the corpus file's JSON, compared as a
 * tree. Placeholders such as {@code <YOUR AWS ACCOUNT>} are literal strings on both sides. The
 * one normalisation: members whose value is an empty object ({@code "tags": {}},
 * {@code "parameters": {}}, {@code "targets": {}}) are dropped from both trees, because FIS
 * treats an empty map and a missing one alike and the DSL writes no empty maps.
 */
class CorpusRewriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::<YOUR AWS ACCOUNT>:role/<YOUR ROLE NAME>";
    private static final Target<Ec2Instance> FIS_READY_INSTANCES = ec2Instances().tagged("FIS-Ready", "True");

    static JsonNode tree(String json) {
        try {
            return withoutEmptyObjects(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutEmptyObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> empty = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                withoutEmptyObjects(field.getValue());
                if (field.getValue().isObject() && field.getValue().isEmpty()) {
                    empty.add(field.getKey());
                }
            }
            object.remove(empty);
        } else if (node.isArray()) {
            node.forEach(CorpusRewriteTest::withoutEmptyObjects);
        }
        return node;
    }

    static void assertSameTemplate(ExperimentDraft draft, String corpusFile) {
        assertThat(tree(draft.toJson())).as(corpusFile).isEqualTo(tree(Corpus.text(corpusFile)));
    }

    @Test
    void ec2InstancesTerminate() {
        assertSameTemplate(experiment()
                .description("ec2-instance-terminate")
                .action("ec2-instances-terminate", Ec2.terminateInstances(FIS_READY_INSTANCES.percent(25)))
                .role(ROLE)
                .singleAccount().failOnEmptyTargets(),
                "ec2-instances-terminate-template.json");
    }

    @Test
    void ec2SpotInterruption() {
        assertSameTemplate(experiment()
                .description("interrupt-ec2-spot")
                .action("interrupt-ec2-spot", Ec2.sendSpotInstanceInterruptions(
                        spotInstances().tagged("FIS-Ready", "True").all().named("spot-instances"))
                        .durationBeforeInterruption(Duration.ofMinutes(2)))
                .role(ROLE)
                .tag("Name", "interrupt-ec2-spot")
                .singleAccount().failOnEmptyTargets(),
                "ec2-spot-interruption-template.json");
    }

    @Test
    void auroraClusterFailover() {
        assertSameTemplate(experiment()
                .description("aurora-cluster-failover")
                .action("failover-aurora-cluster", Rds.failoverDbCluster(rdsClusters().tagged("FIS-Ready", "True").all()))
                .role(ROLE)
                .singleAccount().failOnEmptyTargets(),
                "aurora-cluster-failover-template.json");
    }

    @Test
    void auroraGlobalRegionFailover() {
        assertSameTemplate(experiment()
                .description("Aurora Global Database regional failover experiment using SSM automation to test"
                        + " disaster recovery procedures and measure RTO/RPO")
                .action("aurora-global-failover", Ssm.startAutomationExecution(
                        "arn:aws:ssm:<REGION>:<ACCOUNT>:document/aurora-global-region-failover-automation",
                        Duration.ofMinutes(10))
                        .documentParameters("{\"globalClusterIdentifier\": \"<GLOBAL-CLUSTER-ID>\", \"failoverType\":"
                                + " \"switchover\", \"AutomationAssumeRole\": \"arn:aws:iam::<ACCOUNT>:role/"
                                + "<SSM-AUTOMATION-ROLE>\"}"))
                .role("arn:aws:iam::<ACCOUNT>:role/<FIS-ROLE>")
                .tag("Name", "aurora-global-region-failover")
                .singleAccount().failOnEmptyTargets(),
                "aurora-global-region-failover-experiment-template.json");
    }

    @Test
    void auroraPostgresLoadTestFailover() {
        assertSameTemplate(experiment()
                .description("Aurora cluster CPU overload and failover experiment")
                .action("DelayAction", waitFor(Duration.ofMinutes(5))
                        .description("Wait 5 minutes to establish baseline metrics"))
                .action("RunLoadTest", Ssm.sendCommand(FIS_READY_INSTANCES.all().named("EC2Instance"),
                        "arn:aws:ssm:<YOUR REGION>:<YOUR AWS ACCOUNT>:document/aurora-cluster-loadtest-document",
                        Duration.ofMinutes(10))
                        .documentParameters("{\"Duration\":\"600\",\"Concurrency\":\"10\"}")
                        .description("Execute CPU load test on Aurora cluster"))
                .action("FailoverCluster", Rds.failoverDbCluster(
                        rdsClusters().tagged("FIS-Ready", "True").all().named("AuroraCluster"))
                        .description("Initiate Aurora cluster failover")
                        .after("DelayAction"))
                .role("arn:aws:iam::<YOUR AWS ACCOUNT>:role/FISExperimentRole")
                .tag("Name", "Aurora-Cluster-CPU-Overload-Failover")
                .logToCloudWatch("arn:aws:logs:<YOUR REGION>:<YOUR AWS ACCOUNT>:log-group:FISExperimentLogs"),
                "aurora-postgres-cluster-loadtest-failover-template.json");
    }

    @Test
    void cloudFrontImpairment() {
        assertSameTemplate(experiment()
                .description("Simulate CloudFront distribution impairment with specific tag by disabling for 10 minutes")
                .action("impairCloudFront", Ssm.startAutomationExecution(
                        "arn:aws:ssm:<YOUR REGION>:<YOUR ACCOUNT>:document/<YOUR AUTOMATION DOCUMENT NAME>",
                        Duration.ofHours(1))
                        .documentParameters("{\"tagKey\": \"FIS-Ready\", \"tagValue\": \"True\", \"duration\":"
                                + " \"PT10M\", \"AutomationAssumeRole\": \"arn:aws:iam::<YOUR ACCOUNT>:role/"
                                + "<YOUR SSM AUTOMATION IAM ROLE NAME>\"}")
                        .description("Simulate CloudFront distribution impairment by disabling for 10 minutes"))
                .role("arn:aws:iam::<YOUR ACCOUNT>:role/<YOUR FIS IAM ROLE NAME>")
                .tag("Name", "SimulateCloudFrontImpairment").tag("Purpose", "resilience-testing")
                .singleAccount().skipEmptyTargets(),
                "cloudfront-impairment-tag-based-experiment-template.json");
    }

    @Test
    void directConnectResiliency() {
        assertSameTemplate(experiment()
                .description("direct-connect-virtual-interface-disconnect")
                .action("direct-connect-virtual-interface-down", DirectConnect.disconnectVirtualInterface(
                        virtualInterfaces().tagged("FIS-Ready", "True").count(1)
                                .named("DirectConnectVirtualInterfaces-Target-1"), Duration.ofMinutes(10)))
                .role("arn:aws:iam::<YOUR_AWS_ACCOUNT>:role/<YOUR_ROLE_NAME>")
                .tag("ExperimentType", "DirectConnectFailover").tag("Environment", "Test")
                .singleAccount().failOnEmptyTargets(),
                "direct-connect-resiliency-template.json");
    }

    @Test
    void dynamoDbRegionImpairment() {
        assertSameTemplate(experiment()
                .description("Block DynamoDB access in a specific region to test global table failover and"
                        + " application resilience")
                .action("pauseReplication", DynamoDb.pauseGlobalTableReplication(
                        dynamoDbGlobalTables().tagged("FIS-Ready", "True").all().named("dynamodbTables"),
                        Duration.ofMinutes(12))
                        .description("Pause DynamoDB global table replication in <YOUR REGION>"))
                .action("blockDynamoDBAccess", Ssm.startAutomationExecution(
                        "arn:aws:ssm:<YOUR REGION>:<YOUR AWS ACCOUNT>:document/DynamoDB-Region-Impairment",
                        Duration.ofMinutes(15))
                        .documentParameters("{\"tableName\": \"<YOUR TABLE NAME>\", \"targetRegion\": \"<YOUR REGION>\","
                                + " \"duration\": \"PT10M\", \"AutomationAssumeRole\": \"arn:aws:iam::<YOUR AWS ACCOUNT>:"
                                + "role/SSM-DynamoDB-Automation-Role\"}")
                        .description("Block DynamoDB access in target region for 10 minutes"))
                .role("arn:aws:iam::<YOUR AWS ACCOUNT>:role/FIS-DynamoDB-Role")
                .skipEmptyTargets(),
                "dynamodb-region-impairment-experiment-template.json");
    }

    @Test
    void dynamoDbTrafficBlackhole() {
        assertSameTemplate(experiment()
                .description("Block DynamoDB traffic at the network level and pause global table replication to"
                        + " simulate complete regional DynamoDB failure")
                .action("blockDynamoDBTraffic", Network.disruptConnectivity(
                        subnets().tagged("FIS-Ready", "True").all().named("subnets"), Duration.ofMinutes(10))
                        .scope(Network.Scope.DYNAMODB)
                        .description("Block DynamoDB traffic from target subnets"))
                .action("pauseReplication", DynamoDb.pauseGlobalTableReplication(
                        dynamoDbGlobalTables().tagged("FIS-Ready", "True").all().named("dynamodbTables"),
                        Duration.ofMinutes(10))
                        .description("Pause DynamoDB global table replication"))
                .role("arn:aws:iam::<YOUR AWS ACCOUNT>:role/FIS-DynamoDB-Traffic-Blackhole-Role")
                .skipEmptyTargets(),
                "dynamodb-traffic-blackhole-region-impairment-template.json");
    }

    @Test
    void ec2WindowsStopIis() {
        assertSameTemplate(experiment()
                .description("This Experiment Stops IIS on target Windows Instances")
                .action("StopIIS", Ssm.sendCommand(FIS_READY_INSTANCES.all().named("IISServers"),
                        "arn:aws:ssm:<YOUR REGION>:<YOUR AWS ACCOUNT>:document/StopIISAppPool", Duration.ofMinutes(5))
                        .documentParameters("{\"DurationSeconds\": \"285\", \"IISAppPoolName\": \"DefaultAppPool\"}"))
                .role(ROLE)
                .tag("Name", "StopIISExperiment")
                .singleAccount().failOnEmptyTargets(),
                "ec2-windows-stop-iis-template.json");
    }

    @Test
    void ecsFargateAzImpairment() {
        Target<EcsTask> tasksInAz = ecsTasks().tagged("FIS-Ready", "True").inAvailabilityZone("<YOUR TARGET AZ>").all();
        assertSameTemplate(experiment()
                .description("ECS Fargate AZ Impairment - Simulates availability zone failure with task stop, subnet"
                        + " removal, and network packet loss")
                .role(ROLE)
                .action("wait-before-stop", waitFor(Duration.ofMinutes(1))
                        .description("Wait 1 minute for packet loss to take effect before stopping tasks"))
                .then("stop-tasks-in-az", Ecs.stopTask(tasksInAz.named("ecs-tasks-for-stop"))
                        .description("Stop all ECS Fargate tasks in the target availability zone"))
                .action("impair-subnet-in-az", Ssm.startAutomationExecution(
                        "arn:aws:ssm:<YOUR REGION>:<YOUR AWS ACCOUNT>:document/ecs-fargate-az-impairment-subnet-automation",
                        Duration.ofMinutes(40))
                        .documentParameters("{\"AutomationAssumeRole\":\"arn:aws:iam::<YOUR AWS ACCOUNT>:role/<YOUR SSM"
                                + " ROLE NAME>\",\"ClusterName\":\"<YOUR ECS CLUSTER>\",\"ServiceName\":\"<YOUR ECS"
                                + " SERVICE>\",\"SubnetId\":\"<YOUR SUBNET ID>\",\"Duration\":\"PT15M\"}")
                        .description("Remove subnet from ECS service at T+0, wait for impairment duration, then restore."
                                + " Starting before stop-tasks-in-az ensures the subnet is already removed before ECS"
                                + " tries to reschedule stopped tasks. Handles cleanup on cancel/failure."))
                .action("inject-network-packet-loss", Ecs.taskNetworkPacketLoss(
                        tasksInAz.named("ecs-tasks-for-packet-loss"), Duration.ofMinutes(15))
                        .lossPercent(100).sources("0.0.0.0/0").useEcsFaultInjectionEndpoints(true)
                        .description("Inject network packet loss for ECS tasks in the target availability zone"))
                .tag("Name", "ecs-fargate-az-impairment").tag("Purpose", "chaos-engineering").tag("Environment", "test")
                .singleAccount().skipEmptyTargets(),
                "ecs-fargate-az-impairment-template.json");
    }

    @Test
    void elastiCacheAzPowerInterruption() {
        assertSameTemplate(experiment()
                .description("Interrupt ElastiCache replication group AZ power to validate cache layer AZ resilience"
                        + " and automatic failover")
                .action("interrupt-az-power", ElastiCache.interruptAzPower(elastiCacheReplicationGroups()
                        .tagged("FIS-Ready", "True").inAvailabilityZone("<YOUR AVAILABILITY ZONE>").all()
                        .named("elasticache-replication-groups"), Duration.ofMinutes(10))
                        .description("Interrupt power to ElastiCache nodes in the target AZ"))
                .role(ROLE)
                .tag("Name", "ElastiCacheAZPowerInterruptionTest").tag("Purpose", "resilience-testing")
                .singleAccount().failOnEmptyTargets(),
                "elasticache-az-power-interruption-experiment-template.json");
    }

    @Test
    void mskBrokerReboot() {
        assertSameTemplate(experiment()
                .description("Reboot an Amazon MSK broker to test cluster resilience and partition leader failover")
                .action("rebootMSKBroker", Ssm.startAutomationExecution(
                        "arn:aws:ssm:<YOUR REGION>:<YOUR AWS ACCOUNT>:document/msk-broker-reboot-automation",
                        Duration.ofMinutes(21))
                        .documentParameters("{\"tagKey\":\"FIS-Ready\",\"tagValue\":\"True\",\"brokerSelection\":"
                                + "\"random\",\"region\":\"<YOUR REGION>\",\"AutomationAssumeRole\":\"arn:aws:iam::"
                                + "<YOUR AWS ACCOUNT>:role/<YOUR SSM ROLE NAME>\"}")
                        .description("Reboot a single MSK broker via SSM Automation and monitor recovery"))
                .role(ROLE)
                .tag("Name", "msk-broker-reboot").tag("Purpose", "chaos-engineering")
                .singleAccount().skipEmptyTargets(),
                "msk-broker-reboot-experiment-template.json");
    }

    @Test
    void sapEbsPauseDatabaseData() {
        assertSameTemplate(experiment()
                .description("EBS Pause - SAP Database Cluster")
                .action("EBSPAUSEDB", Ebs.pauseVolumeIo(ebsVolumes()
                        .tagged(sapTags("Database", "FIS-SAP-Database-Type", "Data"))
                        .all().inAvailabilityZone("us-east-1a").named("EBSPAUSEDB"), Duration.ofMinutes(5))
                        .description("EBS Pause - SAP DB"))
                .role(ROLE)
                .tag("Name", "EBS Pause - SAP Database Cluster")
                .singleAccount().failOnEmptyTargets(),
                "sap-ebs-pause-database-data-template.json");
    }

    @Test
    void sapEc2InstanceStopAscs() {
        assertSameTemplate(experiment()
                .description("EC2 Stop - SAP ASCS ERS Cluster")
                .action("EC2STOP", Ec2.stopInstances(ec2Instances()
                        .tagged(sapTags("Application", "FIS-SAP-HA-Node", "Primary"))
                        .all().named("SAPASCSERSCLUSTER"))
                        .restartAfter(Duration.ofMinutes(5))
                        .description("Stop SAP ASCS Node"))
                .role(ROLE)
                .tag("Name", "EC2 Stop - SAP ASCS ERS Cluster")
                .singleAccount().failOnEmptyTargets(),
                "sap-ec2-instance-stop-sap-ascs-template.json");
    }

    private static Map<String, String> sapTags(String tier, String extraKey, String extraValue) {
        Map<String, String> tags = new java.util.TreeMap<>();
        tags.put("FIS-Application", "SAP");
        tags.put("FIS-Ready", "True");
        tags.put("FIS-SAP-App-Tier", tier);
        tags.put("FIS-SAP-Environment-Type", "Dev");
        tags.put("FIS-SAP-SID", "S4");
        tags.put(extraKey, extraValue);
        return tags;
    }

    @Test
    void sqsQueueImpairment_worseningSteps() {
        String arn = "arn:aws:ssm:<YOUR REGION>:<YOUR ACCOUNT>:document/<YOUR AUTOMATION DOCUMENT NAME>";
        ExperimentDraft draft = experiment()
                .description("Simulate worsening impairment of SQS queues with specific tag by applying deny-all"
                        + " policy for increasing durations");
        int[][] steps = {{2, 3}, {5, 3}, {7, 2}, {15, 0}};
        int waits = 0;
        for (int[] step : steps) {
            draft = draft.then("impairSqs" + step[0] + "m", Ssm.startAutomationExecution(arn, Duration.ofHours(1))
                    .documentParameters("{\"tagKey\": \"FIS-Ready\", \"tagValue\": \"True\", \"duration\": \"PT"
                            + step[0] + "M\", \"AutomationAssumeRole\": \"arn:aws:iam::<YOUR ACCOUNT>:role/<YOUR SSM"
                            + " AUTOMATION IAM ROLE NAME>\"}")
                    .description("Simulate worsening impairment of SQS queues by applying deny-all policy for "
                            + step[0] + " minutes"));
            if (step[1] > 0) {
                String name = "wait" + step[1] + "m" + (step[1] == 3 ? ++waits : 1);
                draft = draft.then(name, waitFor(Duration.ofMinutes(step[1]))
                        .description("Wait for " + step[1] + " minutes"));
            }
        }
        JsonNode corpus = tree(Corpus.text("sqs-queue-impairment-tag-based-experiment-template.json"));
        ExperimentDraft complete = draft
                .role(corpus.get("roleArn").asText())
                .tag("Name", corpus.get("tags").get("Name").asText())
                .tag("Purpose", corpus.get("tags").get("Purpose").asText())
                .singleAccount().skipEmptyTargets();
        assertThat(tree(complete.toJson())).isEqualTo(corpus);
    }
}
