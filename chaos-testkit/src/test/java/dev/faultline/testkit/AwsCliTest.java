package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real AWS CLI (1.45.11 from pyenv) against LocalFis; skipped when the CLI is absent, failed under CI. */
class AwsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path aws;

    @TempDir
    Path dir;

    private ManualClock clock;
    private LocalFis local;

    @BeforeAll
    static void findCli() {
        aws = ExternalTools.require(ExternalTools.AWS);
    }

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock)
                .inventory(inv -> inv.ec2Instances(10, "Environment", "Production", "Role", "WorkerNode"))
                .start();
    }

    @AfterEach
    void stop() {
        local.close();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Result fis(String... args) throws IOException, InterruptedException {
        return cli("fis", args);
    }

    private Result cli(String service, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(aws.toString(), service));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", local.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("PATH", Path.of(System.getProperty("user.home"), ".pyenv", "shims") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private String template(String targets) throws IOException {
        Path file = dir.resolve("template.json");
        Files.writeString(file, "{\"description\":\"Stop workers\","
                + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
                + "\"stopConditions\":[{\"source\":\"none\"}],"
                + "\"targets\":{\"Workers\":" + targets + "},"
                + "\"actions\":{\"StopWorkers\":{\"actionId\":\"aws:ec2:stop-instances\","
                + "\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},"
                + "\"targets\":{\"Instances\":\"Workers\"}}},"
                + "\"tags\":{\"Team\":\"payments\"}}");
        return "file://" + file;
    }

    private static final String WORKERS = "{\"resourceType\":\"aws:ec2:instance\","
            + "\"resourceTags\":{\"Role\":\"WorkerNode\"},\"selectionMode\":\"COUNT(2)\"}";

    private String createTemplate() throws Exception {
        Result r = fis("create-experiment-template", "--cli-input-json", template(WORKERS));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().path("experimentTemplate").path("id").asText();
    }

    @Test
    void createStartAndPollToCompleted() throws Exception {
        String templateId = createTemplate();
        assertThat(templateId).startsWith("EXT");

        Result started = fis("start-experiment", "--experiment-template-id", templateId);
        assertThat(started.exit()).as(started.err()).isZero();
        String id = started.json().path("experiment").path("id").asText();

        String status = "";
        for (int i = 0; i < 20 && !status.equals("completed"); i++) {
            Result got = fis("get-experiment", "--id", id);
            assertThat(got.exit()).as(got.err()).isZero();
            status = got.json().path("experiment").path("state").path("status").asText();
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(status).isEqualTo("completed");
        Result targets = fis("list-experiment-resolved-targets", "--experiment-id", id);
        assertThat(targets.json().path("resolvedTargets")).hasSize(2);
    }

    @Test
    void stopAnotherMidRun() throws Exception {
        String templateId = createTemplate();
        String id = fis("start-experiment", "--experiment-template-id", templateId).json()
                .path("experiment").path("id").asText();
        clock.advance(Duration.ofMinutes(2));

        Result stopping = fis("stop-experiment", "--id", id);
        assertThat(stopping.exit()).as(stopping.err()).isZero();
        assertThat(stopping.json().path("experiment").path("state").path("status").asText()).isEqualTo("stopping");
        clock.advance(Duration.ofSeconds(1));
        assertThat(fis("get-experiment", "--id", id).json().path("experiment").path("state").path("status").asText())
                .isEqualTo("stopped");
    }

    @Test
    void validationErrorsAnd404s() throws Exception {
        Result invalid = fis("create-experiment-template", "--cli-input-json", template(
                "{\"resourceType\":\"aws:ec2:instance\",\"resourceArns\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-1\"],"
                        + "\"resourceTags\":{\"Role\":\"WorkerNode\"},\"selectionMode\":\"ALL\"}"));
        assertThat(invalid.exit()).isNotZero();
        assertThat(invalid.err()).contains("ValidationException")
                .contains("You cannot specify both resource ARNs and resource tags");

        Result missing = fis("get-experiment-template", "--id", "EXTdoesNotExist1");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("ResourceNotFoundException");

        Result noExperiment = fis("get-experiment", "--id", "EXPdoesNotExist12");
        assertThat(noExperiment.err()).contains("ResourceNotFoundException");
    }

    @Test
    void tagsActionsAndResourceTypes() throws Exception {
        String templateId = createTemplate();
        String arn = fis("get-experiment-template", "--id", templateId).json().path("experimentTemplate")
                .path("arn").asText();
        assertThat(fis("tag-resource", "--resource-arn", arn, "--tags", "Owner=sre").exit()).isZero();
        assertThat(fis("untag-resource", "--resource-arn", arn, "--tag-keys", "Team").exit()).isZero();
        JsonNode tags = fis("list-tags-for-resource", "--resource-arn", arn).json().path("tags");
        assertThat(tags.path("Owner").asText()).isEqualTo("sre");
        assertThat(tags.has("Team")).isFalse();

        JsonNode action = fis("get-action", "--id", "aws:ec2:stop-instances").json().path("action");
        assertThat(action.path("targets").path("Instances").path("resourceType").asText()).isEqualTo("aws:ec2:instance");
        JsonNode type = fis("get-target-resource-type", "--resource-type", "aws:ec2:subnet").json()
                .path("targetResourceType");
        assertThat(type.path("parameters").has("availabilityZoneIdentifier")).isTrue();
        assertThat(fis("list-actions").json().path("actions").size()).isGreaterThan(50);
    }

    @Test
    void cloudWatchFromTheCli_awsJson10_alarmStopsTheExperiment() throws Exception {
        // botocore 1.43 speaks CloudWatch's JSON 1.0 protocol (X-Amz-Target), not RPC v2 CBOR:
        // WireFormatTest covers CBOR; here the CLI's own debug log shows which protocol it used
        Result probe = cli("cloudwatch", "describe-alarms", "--alarm-names", "Nothing", "--debug");
        assertThat(probe.exit()).as(probe.err()).isZero();
        assertThat(probe.err()).contains("GraniteServiceVersion20100801.DescribeAlarms")
                .contains("application/x-amz-json-1.0").doesNotContain("rpc-v2-cbor");
        Result put = cli("cloudwatch", "put-metric-alarm", "--alarm-name", "App5xx", "--namespace", "App",
                "--metric-name", "Errors", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
                "--threshold", "5", "--comparison-operator", "GreaterThanThreshold");
        assertThat(put.exit()).as(put.err()).isZero();
        JsonNode alarm = cli("cloudwatch", "describe-alarms", "--alarm-names", "App5xx").json()
                .path("MetricAlarms").path(0);
        assertThat(alarm.path("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(5.0);
        String arn = alarm.path("AlarmArn").asText();

        Path file = dir.resolve("alarmed.json");
        Files.writeString(file, "{\"description\":\"Wait\",\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
                + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"" + arn + "\"}],"
                + "\"actions\":{\"Wait\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT10M\"}}}}");
        String templateId = fis("create-experiment-template", "--cli-input-json", "file://" + file).json()
                .path("experimentTemplate").path("id").asText();
        String id = fis("start-experiment", "--experiment-template-id", templateId).json()
                .path("experiment").path("id").asText();
        clock.advance(Duration.ofMinutes(1));

        Result set = cli("cloudwatch", "set-alarm-state", "--alarm-name", "App5xx", "--state-value", "ALARM",
                "--state-reason", "errors");
        assertThat(set.exit()).as(set.err()).isZero();
        JsonNode state = fis("get-experiment", "--id", id).json().path("experiment").path("state");
        assertThat(state.path("status").asText()).isEqualTo("stopping");
        assertThat(state.path("reason").asText()).contains(arn);

        Result missing = cli("cloudwatch", "set-alarm-state", "--alarm-name", "Nope", "--state-value", "OK",
                "--state-reason", "x");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("ResourceNotFound");
    }
}
