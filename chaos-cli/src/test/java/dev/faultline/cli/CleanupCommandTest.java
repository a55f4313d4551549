package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.SdkClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;

@Timeout(60)
class CleanupCommandTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/FisRole";

    /** Thirty hours ago: the command measures ages on the system clock, as it does against FIS. */
    private final ManualClock clock = Clocks.manual(java.time.Instant.now().minus(Duration.ofHours(30)));
    private LocalFis fis;
    private FisAsyncClient client;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        fis = LocalFis.builder().clock(clock).inventory(inv -> inv.ec2Instances(2, "Role", "Worker")).start();
        client = SdkClients.fis(fis);
    }

    @AfterEach
    void stop() {
        client.close();
        fis.close();
    }

    private String template(String token, Map<String, String> tags) {
        return client.createExperimentTemplate(CreateExperimentTemplateRequest.builder().clientToken(token)
                .description("left behind").roleArn(ROLE)
                .stopConditions(software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput
                        .builder().source("none").build())
                .targets(Map.of("w", software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput
                        .builder().resourceType("aws:ec2:instance").resourceTags(Map.of("Role", "Worker"))
                        .selectionMode("ALL").build()))
                .actions(Map.of("stop", software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput
                        .builder().actionId("aws:ec2:stop-instances").targets(Map.of("Instances", "w")).build()))
                .tags(tags).build()).join().experimentTemplate().id();
    }

    private int run(String... args) {
        CommandLine cli = TestCredentials.given(Faultline.commandLine());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "cleanup";
        all[1] = "--endpoint";
        all[2] = fis.endpoint().toString();
        all[3] = "--region";
        all[4] = "us-east-1";
        System.arraycopy(args, 0, all, 5, args.length);
        return cli.execute(all);
    }

    @Test
    void cleanup_dryRunListsThenTheRealRunDeletesOnlyFaultlinesOldTemplates() {
        String stale = template("a", Map.of("faultline:owner", "faultline", "faultline:run", "r1"));
        String foreign = template("b", Map.of("Team", "other"));
        clock.advance(Duration.ofHours(30));
        String young = template("c", Map.of("faultline:owner", "faultline"));

        assertThat(run("--dry-run")).as(err.toString()).isEqualTo(Faultline.OK);
        assertThat(out.toString()).contains("Would delete " + stale).contains("Kept " + young)
                .contains("Dry run: 1 to delete, 1 kept, 0 failed").doesNotContain(foreign);
        assertThat(client.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(3);

        assertThat(run()).as(err.toString()).isEqualTo(Faultline.OK);
        assertThat(out.toString()).contains("Deleted " + stale).contains("1 deleted, 1 kept, 0 failed");
        assertThat(client.listExperimentTemplates(b -> { }).join().experimentTemplates())
                .extracting(t -> t.id()).containsExactlyInAnyOrder(foreign, young);
    }

    @Test
    void cleanup_badAge_isAUsageErrorThatSaysWhat() {
        assertThat(run("--older-than", "a day")).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("--older-than a day is not an ISO-8601 duration");
        assertThat(run("--older-than", "-PT1H")).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("must not be negative");
    }
}
