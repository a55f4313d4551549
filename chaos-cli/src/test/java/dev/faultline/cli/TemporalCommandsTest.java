package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.temporal.Connection;
import dev.faultline.temporal.DevServer;
import dev.faultline.temporal.FaultlineWorker;
import dev.faultline.temporal.TargetClients;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * {@code submit}, {@code worker}, {@code schedule} and {@code temporal-dev} against Temporal's dev
 * server on a free port of 127.0.0.1, with a worker (the library the {@code worker} command runs)
 * on LocalFis.
 */
@Timeout(180)
class TemporalCommandsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String TEMPLATE = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::" + ACCOUNT + ":role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:"
            + ACCOUNT + ":alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT2M\"},\"targets\":{\"Instances\":\"workers\"}}},"
            + "\"tags\":{\"Name\":\"NAME\"}}";

    @TempDir
    Path dir;

    private LocalFis localFis;
    private FisAsyncClient fis;
    private CloudWatchAsyncClient cloudWatch;
    private DevServer server;
    private Connection connection;
    private FaultlineWorker worker;

    @BeforeEach
    void start() {
        localFis = LocalFis.builder().clock(Clocks.scaled(Duration.ofSeconds(60), Duration.ofSeconds(1)))
                .inventory(inv -> inv.ec2Instances(10, "Role", "WorkerNode"))
                .alarms(a -> a.create("App5xx"))
                .start();
        localFis.alarms().setState("App5xx", AlarmState.OK, "quiet");
        fis = SdkClients.fis(localFis);
        cloudWatch = SdkClients.cloudWatch(localFis);
        server = DevServer.start(0);
        connection = Connection.to(server.target(), "default");
        worker = FaultlineWorker.builder().client(connection.client()).clients(TargetClients.of(fis, cloudWatch))
                .config(EngineConfig.builder().pollInterval(Duration.ofMillis(50)).fastPollInterval(Duration.ofMillis(20))
                        .maxCallsPerSecond(500).build())
                .clock(localFis.clock()).heartbeat(Duration.ofSeconds(1)).build().start();
    }

    @AfterEach
    void stop() {
        worker.close();
        connection.close();
        server.close();
        fis.close();
        cloudWatch.close();
        localFis.close();
    }

    private Path template(String name) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, TEMPLATE.replace("NAME", name));
        return file;
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    @Test
    void submitWait_oneRun_followsItToItsEndAndWritesTheJUnitReportAsRunDoes() throws Exception {
        Path junit = dir.resolve("ci/faultline.xml");

        Result r = cli("submit", "--temporal", server.target(), "--wait", "--junit", junit.toString(),
                template("stop-workers").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Started run faultline-run-").contains("COMPLETED")
                .contains("JUnit report: " + junit + " (0 failure(s))");
        String xml = Files.readString(junit);
        // the template has no name: the suite is named for its experiment, as run --junit names it
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\" tests=\"1\""
                + " failures=\"0\"").containsPattern("<testcase classname=\"EXP\\w+\" name=\"end state\"")
                .contains("state completed");
        assertThat(fis.listExperiments(b -> b.maxResults(100)).join().experiments())
                .filteredOn(e -> !"preview".equals(e.tags().get("faultline:purpose"))).hasSize(1);
    }

    @Test
    void submitWaitCampaign_twoRuns_writesOneSuitePerRun() throws Exception {
        Path campaign = dir.resolve("campaign.json");
        Files.writeString(campaign, "{\"name\": \"game-day\", \"targets\": [{\"account\": \"" + ACCOUNT
                + "\", \"region\": \"us-east-1\", \"roleArn\": \"arn:aws:iam::" + ACCOUNT + ":role/FisRole\"}],"
                + " \"perTargetLimit\": 1, \"globalLimit\": 0, \"ordering\": \"SEQUENTIAL\", \"stopOn\": [\"REFUTED\"]}");
        Path junit = dir.resolve("campaign.xml");

        Result r = cli("submit", "--temporal", server.target(), "--campaign", campaign.toString(), "--wait",
                "--junit", junit.toString(), template("first").toString(), template("second").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Started campaign faultline-campaign-game-day-").contains("(2 runs)");
        String xml = Files.readString(junit);
        assertThat(xml).contains("<testsuites name=\"faultline\" tests=\"2\" failures=\"0\"")
                .containsPattern("(?s)<testsuite name=\"EXP\\w+\".*<testsuite name=\"EXP\\w+\"");
        assertThat(xml.split("<testsuite ", -1)).hasSize(3);
    }

    @Test
    void submit_junitWithoutWait_isAUsageError() throws Exception {
        Result r = cli("submit", "--temporal", server.target(), "--junit", dir.resolve("x.xml").toString(),
                template("x").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--junit needs --wait");
    }

    @Test
    void submit_badTemporalAddress_isAUsageErrorSayingTheShape() throws Exception {
        Result r = cli("submit", "--temporal", "localhost", template("x").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--temporal must be HOST:PORT");
    }

    @Test
    void worker_badJournalOrAddress_isAUsageErrorBeforeAnythingStarts() {
        Result journal = cli("worker", "--temporal", server.target(), "--endpoint", localFis.endpoint().toString(),
                "--region", "us-east-1", "--journal", "nosuch:place");
        Result address = cli("worker", "--temporal", "127.0.0.1", "--endpoint", localFis.endpoint().toString());

        assertThat(journal.code()).as(journal.toString()).isEqualTo(2);
        assertThat(journal.err()).startsWith("faultline worker: ");
        assertThat(address.code()).as(address.toString()).isEqualTo(2);
        assertThat(address.err()).contains("--temporal must be HOST:PORT");
    }

    @Test
    void schedule_onTheDevServer_failsWithTheServersAnswerAndCreateNeedsCronAndFiles() throws Exception {
        Result list = cli("schedule", "list", "--temporal", server.target());
        Result create = cli("schedule", "create", "weekly", "--temporal", server.target(), template("x").toString());
        Result unknown = cli("schedule", "frobnicate", "--temporal", server.target());

        assertThat(list.code()).as(list.toString()).isEqualTo(2);
        assertThat(list.err()).startsWith("faultline schedule list: ");
        assertThat(create.code()).as(create.toString()).isEqualTo(2);
        assertThat(create.err()).contains("give --cron EXPR and at least one template FILE");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown action frobnicate");
    }

    @Test
    void temporalDev_portTakenOrOutOfRange_isAUsageErrorNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result busy = cli("temporal-dev", "--port", String.valueOf(taken.getLocalPort()));
            Result range = cli("temporal-dev", "--port", "70000");

            assertThat(busy.code()).as(busy.toString()).isEqualTo(2);
            assertThat(busy.err()).contains("127.0.0.1:" + taken.getLocalPort());
            assertThat(range.code()).as(range.toString()).isEqualTo(2);
            assertThat(range.err()).contains("port must be 0 to 65535");
        }
    }
}
