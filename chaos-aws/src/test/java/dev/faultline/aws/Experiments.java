package dev.faultline.aws;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.model.Experiment;

/** Hand-written experiments shared by the tests. */
final class Experiments {

    private Experiments() {}

    /** Compute node loss: 20% of the tagged worker nodes stopped and restarted after 5 minutes. */
    static final String NODE_LOSS = """
            {"name": "payment-worker-node-loss",
             "description": "Stop 20% of production worker nodes for five minutes",
             "targets": {"workers": {"resourceType": "aws:ec2:instance",
                 "resourceTags": {"Role": "WorkerNode"},
                 "filters": [{"path": "State.Name", "values": ["running"]}],
                 "selectionMode": "PERCENT(20)"}},
             "actions": {"stop-workers": {"actionId": "aws:ec2:stop-instances",
                 "parameters": {"startInstancesAfterDuration": "PT5M"},
                 "targets": {"Instances": "workers"}}},
             "stopConditions": [{"source": "aws:cloudwatch:alarm",
                 "value": "arn:aws:cloudwatch:us-east-1:112233445566:alarm:App5xx"}],
             "roleArn": "arn:aws:iam::112233445566:role/EnterpriseFISExecutionRole",
             "tags": {"Team": "payments"},
             "experimentOptions": {"accountTargeting": "single-account", "emptyTargetResolutionMode": "fail"},
             "hypothesis": {"description": "payment 5xx stays low", "conditions": [{"namespace": "AWS/ApplicationELB",
                 "metricName": "HTTPCode_Target_5XX_Count", "statistic": "Sum", "period": "PT1M",
                 "comparison": "LessThanThreshold", "threshold": 5, "phases": ["before", "during", "after"]}]}}
            """;

    /** Aurora cluster failover by ARN, with logs to CloudWatch Logs and S3, and a report. */
    static final String RDS_FAILOVER = """
            {"description": "Fail over the orders Aurora cluster",
             "targets": {"orders-cluster": {"resourceType": "aws:rds:cluster",
                 "resourceArns": ["arn:aws:rds:us-east-1:112233445566:cluster:orders"],
                 "selectionMode": "ALL"}},
             "actions": {"failover": {"actionId": "aws:rds:failover-db-cluster",
                 "targets": {"Clusters": "orders-cluster"}}},
             "stopConditions": [{"source": "none"}],
             "roleArn": "arn:aws:iam::112233445566:role/FisRdsRole",
             "logConfiguration": {"logSchemaVersion": 2,
                 "cloudWatchLogsConfiguration": {"logGroupArn": "arn:aws:logs:us-east-1:112233445566:log-group:/fis/orders:*"},
                 "s3Configuration": {"bucketName": "fis-logs-112233445566", "prefix": "orders/"}},
             "experimentReportConfiguration": {
                 "outputs": {"s3Configuration": {"bucketName": "fis-reports-112233445566", "prefix": "orders"}},
                 "dataSources": {"cloudWatchDashboards": [{"dashboardIdentifier": "arn:aws:cloudwatch::112233445566:dashboard/Orders"}]},
                 "preExperimentDuration": "PT10M", "postExperimentDuration": "PT10M"}}
            """;

    /** AZ power interruption (reference §8.1), reduced to its EC2, network, RDS and EBS parts. */
    static final String AZ_POWER = """
            {"description": "AZ Availability: Power Interruption in use1-az2",
             "targets": {
               "instances": {"resourceType": "aws:ec2:instance", "resourceTags": {"AzImpairmentPower": "StopInstances"},
                 "filters": [{"path": "State.Name", "values": ["running"]},
                             {"path": "Placement.AvailabilityZone", "values": ["us-east-1b"]}],
                 "selectionMode": "ALL"},
               "launch-roles": {"resourceType": "aws:iam:role",
                 "resourceArns": ["arn:aws:iam::112233445566:role/AsgLaunchRole"], "selectionMode": "ALL"},
               "subnets": {"resourceType": "aws:ec2:subnet", "resourceTags": {"AzImpairmentPower": "DisruptSubnet"},
                 "filters": [{"path": "AvailabilityZone", "values": ["us-east-1b"]}], "selectionMode": "ALL"},
               "clusters": {"resourceType": "aws:rds:cluster", "resourceTags": {"AzImpairmentPower": "DisruptRds"},
                 "parameters": {"writerAvailabilityZoneIdentifiers": "us-east-1b"}, "selectionMode": "ALL"},
               "volumes": {"resourceType": "aws:ec2:ebs-volume", "resourceTags": {"AzImpairmentPower": "ApiPauseVolume"},
                 "parameters": {"availabilityZoneIdentifier": "us-east-1b"}, "selectionMode": "COUNT(1)"}},
             "actions": {
               "Stop-Instances": {"actionId": "aws:ec2:stop-instances",
                 "parameters": {"startInstancesAfterDuration": "PT30M", "completeIfInstancesTerminated": "true"},
                 "targets": {"Instances": "instances"}},
               "Pause-Instance-Launches": {"actionId": "aws:ec2:api-insufficient-instance-capacity-error",
                 "parameters": {"availabilityZoneIdentifiers": "us-east-1b", "duration": "PT30M", "percentage": "100"},
                 "targets": {"Roles": "launch-roles"}},
               "Pause-network-connectivity": {"actionId": "aws:network:disrupt-connectivity",
                 "parameters": {"scope": "all", "duration": "PT2M"}, "targets": {"Subnets": "subnets"}},
               "Failover-RDS": {"actionId": "aws:rds:failover-db-cluster", "targets": {"Clusters": "clusters"}},
               "Pause-EBS-IO": {"actionId": "aws:ebs:pause-volume-io", "parameters": {"duration": "PT30M"},
                 "targets": {"Volumes": "volumes"}, "startAfter": ["Stop-Instances"]}},
             "stopConditions": [{"source": "none"}],
             "roleArn": "arn:aws:iam::112233445566:role/FisAzPowerRole",
             "experimentOptions": {"emptyTargetResolutionMode": "skip"}}
            """;

    static Experiment parse(String json) {
        return TemplateJson.parse(json);
    }

    /**
     * One of the experiments above by its constant's name, or a corpus template by file name.
     *
     * @param name {@code NODE_LOSS}, {@code RDS_FAILOVER}, {@code AZ_POWER} or a corpus file
     */
    static Experiment named(String name) {
        switch (name) {
            case "NODE_LOSS":
                return parse(NODE_LOSS);
            case "RDS_FAILOVER":
                return parse(RDS_FAILOVER);
            case "AZ_POWER":
                return parse(AZ_POWER);
            default:
                return TemplateJson.read(Corpus.text(name)).experiment().orElseThrow();
        }
    }
}
