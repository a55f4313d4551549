package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.aws.IamPolicies;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.ReceivedRequest;
import dev.faultline.testkit.SdkClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.fis.FisAsyncClient;

@Timeout(120)
class RunCommandTest {

    private static final String TEMPLATE = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT2M\"},\"targets\":{\"Instances\":\"workers\"}}}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LocalFis fis;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** One clock for LocalFis and the engine, moved by {@link ClockDriver}: the runs do not depend on real time. */
    private final ManualClock clock = Clocks.manual();

    /** Simulated time per request LocalFis receives: a 2-minute action ends after 24 of them. */
    private static final Duration STEP = Duration.ofSeconds(5);

    @BeforeEach
    void start() {
        fis = LocalFis.builder().clock(clock)
                .inventory(inv -> inv.ec2Instances(10, "Role", "WorkerNode"))
                .alarms(a -> a.create("App5xx"))
                .start();
        fis.alarms().setState("App5xx", AlarmState.OK, "quiet");
        // the role holds exactly what `faultline iam` derives: the permissions preflight passes
        LocalRoles.grant(fis, experiment());
    }

    @AfterEach
    void stop() {
        fis.close();
    }

    /** Runs the CLI with the clock moving one step per request for the whole command. */
    private int run(String... args) {
        return run(requests -> true, args);
    }

    /**
     * Runs the CLI, its engine on the test's clock (moved one step per request while the requests so far satisfy
     * a condition), with short poll intervals and static credentials, so no {@code aws.*} system property is set.
     */
    private int run(Predicate<List<ReceivedRequest>> moveWhile, String... args) {
        CommandLine cli = TestCredentials.given(Faultline.commandLine());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        RunCommand command = cli.getSubcommands().get("run").getCommand();
        command.clock = clock;
        command.tuning = settings -> settings.pollInterval(Duration.ofMillis(20))
                .fastPollInterval(Duration.ofMillis(10)).maxCallsPerSecond(2000)
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100));
        ClockDriver driver = ClockDriver.stepPerRequest(clock, fis, STEP, moveWhile);
        try {
            return cli.execute(args);
        } finally {
            driver.close();
        }
    }

    private String template() throws Exception {
        return Files.writeString(dir.resolve("t.json"), TEMPLATE).toString();
    }

    @Test
    void run_wait_followsTheRunToCompletion_andWritesTheReport() throws Exception {
        int code = run("run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1",
                "--wait", "--out", dir.resolve("reports").toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Started experiment ").contains("experiment running → completed")
                .contains("Outcome: completed");
        String id = out.toString().replaceAll("(?s).*Started experiment (\\S+).*", "$1");
        assertThat(dir.resolve("reports").resolve(id).resolve("report.html")).exists();
        assertThat(fis.experimentStatus(id)).contains("completed");
    }

    @Test
    void run_withoutWait_printsTheIdAndLeavesTheExperimentRunning() throws Exception {
        // the clock moves for the preflight and the skip-all preview, and stands from the real start on
        int code = run(requests -> requests.stream().filter(ClockDriver::isStartExperiment).count() < 2,
                "run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1");
        assertThat(code).as(out + "\n" + err).isZero();
        String id = out.toString().replaceAll("(?s).*Started experiment (\\S+).*", "$1");
        assertThat(fis.experimentStatus(id)).hasValueSatisfying(s -> assertThat(s).isIn("pending", "initiating", "running"));
    }

    @Test
    void run_alarmAlreadyFiring_isRefusedInPreflight_exitOne_andNothingStarts() throws Exception {
        fis.alarms().setState("App5xx", AlarmState.ALARM, "already firing");
        int code = run("run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1", "--wait");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("refused").contains("App5xx");
        assertThat(out.toString()).doesNotContain("Started experiment");
    }

    @Test
    void run_policyError_isRefusedBeforeAnyCall() throws Exception {
        int code = run("run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1",
                "--policy", "production");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("ERROR");
        assertThat(out.toString()).doesNotContain("Started experiment");
    }

    private static Experiment experiment() {
        return TemplateJson.read(TEMPLATE).experiment().orElseThrow();
    }

    @Test
    void run_roleWithoutStopInstances_isRefusedNamingTheAction_beforeAnyExperimentExists() throws Exception {
        IamPolicies policies = IamPolicies.of(experiment()).inRegion("us-east-1");
        ObjectNode permissions = (ObjectNode) JSON.readTree(policies.permissionsPolicy().toJson());
        for (JsonNode statement : permissions.get("Statement")) {
            JsonNode actions = statement.get("Action");
            if (actions.isArray()) {
                for (int i = actions.size() - 1; i >= 0; i--) {
                    if (actions.get(i).asText().equals("ec2:StopInstances")) {
                        ((ArrayNode) actions).remove(i);
                    }
                }
            } else if (actions.asText().equals("ec2:StopInstances")) {
                ((ObjectNode) statement).putArray("Action").add("ec2:DescribeInstances");
            }
        }
        assertThat(permissions.toString()).doesNotContain("ec2:StopInstances").contains("ec2:StartInstances");
        fis.iam().put("arn:aws:iam::123456789012:role/FisRole", policies.trustPolicy().toJson(), permissions.toString());

        int code = run("run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1", "--wait",
                "--out", dir.resolve("reports").toString());

        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        assertThat(err.toString()).contains("missing permissions").contains("ec2:StopInstances (implicitDeny)")
                .doesNotContain("ec2:StartInstances (");
        assertThat(out.toString()).doesNotContain("Started experiment");
        try (FisAsyncClient client = SdkClients.fis(fis)) {
            assertThat(client.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
            assertThat(client.listExperiments(b -> { }).join().experiments()).isEmpty();
        }
    }

    @Test
    void run_roleUnknownToIam_isRefused_sayingTheSimulationFailed() throws Exception {
        fis.iam().remove("arn:aws:iam::123456789012:role/FisRole");
        int code = run("run", template(), "--endpoint", fis.endpoint().toString(), "--region", "us-east-1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("SimulatePrincipalPolicy failed").contains("NoSuchEntity");
        assertThat(out.toString()).doesNotContain("Started experiment");
    }

    @Test
    void run_missingFile_exitTwo() {
        assertThat(run("run", dir.resolve("missing.json").toString(), "--endpoint", fis.endpoint().toString()))
                .isEqualTo(2);
    }

    @Test
    void run_badTimeout_exitTwo() throws Exception {
        assertThat(run("run", template(), "--endpoint", fis.endpoint().toString(), "--timeout", "ten minutes"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--timeout");
    }
}
