package dev.faultline.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example output in docs/plan.md is what the code prints. */
class PlanDocsTest {

    private static final Path DOC = Path.of("..", "docs", "plan.md");

    private static final String TEMPLATE = """
            {
              "description": "Web tier loses capacity while the database fails over",
              "roleArn": "arn:aws:iam::123456789012:role/FisRole",
              "stopConditions": [{"source": "aws:cloudwatch:alarm",
                                  "value": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-errors"}],
              "targets": {
                "web": {"resourceType": "aws:ec2:instance", "resourceTags": {"Role": "web"},
                        "filters": [{"path": "State.Name", "values": ["running"]}], "selectionMode": "PERCENT(25)"},
                "orders-db": {"resourceType": "aws:rds:cluster", "selectionMode": "ALL",
                        "resourceArns": ["arn:aws:rds:eu-west-1:123456789012:cluster:orders"]}
              },
              "actions": {
                "check-alarms": {"actionId": "aws:cloudwatch:assert-alarm-state",
                        "parameters": {"alarmArns": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-errors",
                                       "alarmStates": "OK"}},
                "stop-web": {"actionId": "aws:ec2:stop-instances", "parameters": {"startInstancesAfterDuration": "PT20M"},
                        "targets": {"Instances": "web"}, "startAfter": ["check-alarms"]},
                "wait": {"actionId": "aws:fis:wait", "parameters": {"duration": "PT5M"}, "startAfter": ["check-alarms"]},
                "failover": {"actionId": "aws:rds:failover-db-cluster", "targets": {"Clusters": "orders-db"},
                        "startAfter": ["wait"]},
                "latency": {"actionId": "aws:ssm:send-command", "startAfter": ["wait"], "targets": {"Instances": "web"},
                        "parameters": {"documentArn": "arn:aws:ssm:eu-west-1::document/AWSFIS-Run-Network-Latency",
                                       "documentParameters": "{\\"DurationSeconds\\":\\"600\\"}", "duration": "PT10M"}}
              }
            }
            """;

    @Test
    void docsExample_isWhatRenderPrints() throws IOException {
        ExperimentPlan plan = ExperimentPlan.of(TemplateJson.read(TEMPLATE).experiment().orElseThrow());
        String printed = plan.render(plan.blastRadius().withResolvedCounts(Map.of("web", 12L, "orders-db", 1L)));

        String doc = Files.readString(DOC);
        int start = doc.indexOf("```text\n") + "```text\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        assertThat(example).isEqualTo(printed);
    }
}
