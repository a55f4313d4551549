package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run}'s edges: an endpoint without a Region, progress without a hypothesis, a report on SIGTERM. */
@Timeout(180)
class RunEdgesTest {

    private static final String TEMPLATE = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT2M\"},\"targets\":{\"Instances\":\"workers\"}}}}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static LocalFis localFis(Duration simulatedPerSecond) {
        LocalFis fis = LocalFis.builder().clock(Clocks.scaled(simulatedPerSecond, Duration.ofSeconds(1)))
                .inventory(inv -> inv.ec2Instances(10, "Role", "WorkerNode"))
                .alarms(a -> a.create("App5xx"))
                .start();
        fis.alarms().setState("App5xx", AlarmState.OK, "quiet");
        // the role holds the policy `faultline iam` derives, so the permissions preflight passes
        LocalRoles.grant(fis, dev.faultline.core.json.TemplateJson.read(TEMPLATE).experiment().orElseThrow());
        return fis;
    }

    private int run(String... args) {
        CommandLine cli = TestCredentials.given(Faultline.commandLine());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void endpointWithoutRegion_usesUsEast1_andSaysSo() throws Exception {
        try (LocalFis fis = localFis(Duration.ofMinutes(1))) {
            String file = Files.writeString(dir.resolve("t.json"), TEMPLATE).toString();
            int code = run("run", file, "--endpoint", fis.endpoint().toString(), "--no-preview");
            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(err.toString()).contains("--endpoint without --region: using us-east-1");
            assertThat(err.toString()).doesNotContain("SystemSettingsRegionProvider");
        }
    }

    @Test
    void oneLine_turnsTheRegionProviderChainIntoARequestForRegion() {
        RuntimeException chain = new IllegalStateException("Unable to load region from any of the providers in the"
                + " chain software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain@1: "
                + "[software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider@2: ...]");
        assertThat(RunCommand.oneLine(chain)).isEqualTo("no AWS Region: give --region REGION, or set AWS_REGION or a"
                + " profile's region.");
    }

    @Test
    void wait_withoutHypothesis_printsProgressLines() throws Exception {
        try (LocalFis fis = localFis(Duration.ofSeconds(40))) {
            String file = Files.writeString(dir.resolve("t.json"), TEMPLATE).toString();
            int code = run("run", file, "--endpoint", fis.endpoint().toString(), "--region", "us-east-1",
                    "--no-preview", "--wait", "--progress-every", "PT0.5S", "--out", dir.resolve("r").toString());
            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(out.toString()).containsPattern("elapsed \\d+m\\d\\ds: experiment running, actions running: stop-workers");
        }
    }

    @Test
    void wait_badProgressInterval_exitsTwo() throws Exception {
        String file = Files.writeString(dir.resolve("t.json"), TEMPLATE).toString();
        assertThat(run("run", file, "--endpoint", "http://127.0.0.1:9", "--progress-every", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--progress-every");
    }

    @Test
    void sigterm_duringWait_stopsTheExperiment_andWritesTheReport() throws Exception {
        try (LocalFis fis = localFis(Duration.ofSeconds(1))) {
            String file = Files.writeString(dir.resolve("t.json"), TEMPLATE).toString();
            Path reports = dir.resolve("reports");
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Faultline.class.getName(),
                    "run", file, "--endpoint", fis.endpoint().toString(), "--region", "us-east-1", "--no-preview",
                    "--wait", "--out", reports.toString()))
                    .redirectErrorStream(true);
            pb.environment().put("AWS_ACCESS_KEY_ID", "test");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            Process process = pb.start();
            StringBuilder seen = new StringBuilder();
            CompletableFuture<String> started = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (seen) {
                            seen.append(line).append('\n');
                        }
                        if (line.startsWith("Started experiment ")) {
                            started.complete(line.split(" ")[2]);
                        }
                    }
                } catch (java.io.IOException e) {
                    started.completeExceptionally(e);
                }
            });
            reader.start();
            String id = started.get(120, TimeUnit.SECONDS);

            process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its output)
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);

            assertThat(seen.toString()).contains("Asked to exit").contains("Outcome: stopped").contains("Report: ");
            assertThat(reports.resolve(id).resolve("report.json")).exists();
            assertThat(fis.experimentStatus(id)).hasValue("stopped");
        }
    }
}
