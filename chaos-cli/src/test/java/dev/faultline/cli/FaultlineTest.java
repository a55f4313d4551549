package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultlineTest {

    private static final String VALID = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},\"targets\":{\"Instances\":\"workers\"}}}}";

    @TempDir
    Path dir;

    /** The last run's exit code and output. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void lint_validTemplate_exitsZeroAndPrintsOnlyTheSummary() throws Exception {
        assertThat(run("lint", file("ok.json", VALID).toString())).isZero();
        assertThat(last.out()).isEqualTo("1 file, 0 errors, 0 warnings" + System.lineSeparator());
    }

    @Test
    void lint_error_printsFilePathSeverityCodeAndHint_andExitsOne() throws Exception {
        Path bad = file("bad.json", VALID.replace("\"Instances\":\"workers\"", "\"Instance\":\"workers\""));
        assertThat(run("lint", bad.toString())).isEqualTo(1);
        assertThat(last.out()).contains(bad + ": /actions/stop-workers/targets/Instance: ERROR action.target-key-unknown ")
                .contains("(Use the key 'Instances'.)");
    }

    @Test
    void lint_jsonFormat_printsOneArrayWithFileAndViolations() throws Exception {
        Path ok = file("ok.json", VALID);
        Path bad = file("bad.json", "{\"description\": 1}");
        assertThat(run("lint", "--format", "json", ok.toString(), bad.toString())).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(last.out());
        assertThat(report.isArray()).isTrue();
        assertThat(report.get(0).get("file").asText()).isEqualTo(ok.toString());
        assertThat(report.get(0).get("violations")).isEmpty();
        JsonNode first = report.get(1).get("violations").get(0);
        assertThat(first.get("code").asText()).isEqualTo("json.value-type");
        assertThat(first.get("path").asText()).isEqualTo("/description");
        assertThat(first.has("severity") && first.has("message") && first.has("hint")).isTrue();
    }

    @Test
    void lint_unreadableFile_exitsTwo() {
        assertThat(run("lint", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(last.out()).contains("json.read-failed");
    }

    @Test
    void lint_usageErrors_exitTwo() {
        assertThat(run("lint")).isEqualTo(2);
        assertThat(run("lint", "--format", "xml", "x.json")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void lint_unknownPolicy_exitsTwoNamingThePresets() throws Exception {
        assertThat(run("lint", "--policy", "stagin", file("ok.json", VALID).toString())).isEqualTo(2);
        assertThat(last.err()).contains("staging");
    }

    @Test
    void lint_productionPolicy_reportsPolicyViolations() throws Exception {
        assertThat(run("lint", "--policy", "production", file("ok.json", VALID).toString())).isEqualTo(1);
        assertThat(last.out()).contains("ERROR policy.");
    }

    @Test
    void plan_printsTimelineAndBlastRadius() throws Exception {
        assertThat(run("plan", file("ok.json", VALID).toString())).isZero();
        assertThat(last.out()).contains("stop-workers").contains("aws:ec2:stop-instances").contains("workers");
    }

    @Test
    void plan_syntaxError_exitsOneWithTheViolation() throws Exception {
        assertThat(run("plan", file("broken.json", "{\"description\": ").toString())).isEqualTo(1);
        assertThat(last.err()).contains("json.document-format");
    }

    @Test
    void catalogOverlay_letsLintPlanAndCompileAcceptAnActionNewerThanTheCatalog() throws Exception {
        Path template = file("hibernate.json", VALID.replace("aws:ec2:stop-instances", "aws:ec2:hibernate-instances")
                .replace("\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},", ""));
        Path overlay = file("overlay.json", "{\"formatVersion\": 1, \"actions\": [{\"id\": \"aws:ec2:hibernate-instances\","
                + "\"description\": \"Hibernates instances.\", \"targets\": {\"Instances\": [\"aws:ec2:instance\"]},"
                + "\"parameters\": [], \"reversible\": false, \"permissions\": [\"ec2:StopInstances\"]}]}");
        assertThat(run("lint", template.toString())).isEqualTo(1);
        assertThat(last.out()).contains("action.id-unknown");
        assertThat(run("lint", "--catalog", overlay.toString(), template.toString())).isZero();
        assertThat(run("plan", "--catalog", overlay.toString(), template.toString())).isZero();
        assertThat(run("compile", "--catalog", overlay.toString(), template.toString())).isZero();
    }

    @Test
    void catalogOverlay_withBadData_isAUsageErrorNamingTheFile() throws Exception {
        Path overlay = file("bad-overlay.json", "{\"formatVersion\": 1, \"actionz\": []}");
        assertThat(run("lint", "--catalog", overlay.toString(), file("ok.json", VALID).toString())).isEqualTo(2);
        assertThat(last.err()).contains("bad-overlay.json").contains("actionz");
    }
}
