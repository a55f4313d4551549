package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command reads FIS JSON, CloudFormation JSON and CloudFormation YAML through {@link TemplateInput}. */
class TemplateInputTest {

    private static final String VALID = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},\"targets\":{\"Instances\":\"workers\"}}}}";

    private static final String YAML = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Parameters:\n  Role:\n    Type: String\n"
            + "Resources:\n"
            + "  NodeLoss:\n"
            + "    Type: AWS::FIS::ExperimentTemplate\n"
            + "    Properties:\n"
            + "      Description: Stop 20% of the workers\n"
            + "      RoleArn: !Ref Role\n"
            + "      StopConditions:\n"
            + "        - Source: none\n"
            + "      Targets:\n"
            + "        workers:\n"
            + "          ResourceType: aws:ec2:instance\n"
            + "          ResourceTags: {Role: WorkerNode}\n"
            + "          SelectionMode: PERCENT(20)\n"
            + "      Actions:\n"
            + "        stop-workers:\n"
            + "          ActionId: aws:ec2:stop-instances\n"
            + "          Parameters: {startInstancesAfterDuration: PT5M}\n"
            + "          Targets: {INSTANCES: workers}\n"
            + "      Tags: {Team: payments}\n";

    @TempDir
    Path dir;

    /** What the last {@link #run} printed. */
    private String out = "";
    private String err = "";

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.exitCode();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path compiled(String form) throws Exception {
        Path fis = file("fis.json", VALID);
        assertThat(run("compile", "--to", form, fis.toString())).isZero();
        return file("compiled." + (form.equals("cfn-yaml") ? "yaml" : "json"), out);
    }

    @Test
    void lint_readsWhatCompileWrites_inCloudFormationJsonAndYaml() throws Exception {
        for (String form : new String[] {"cfn-json", "cfn-yaml"}) {
            Path cfn = compiled(form);
            assertThat(run("lint", cfn.toString())).as(form + ": " + out).isZero();
            assertThat(out).doesNotContain("Unknown field").doesNotContain("ERROR")
                    .contains("1 file, 0 errors");
        }
    }

    @Test
    void everyCommand_readsCloudFormationYaml() throws Exception {
        Path cfn = compiled("cfn-yaml");
        assertThat(run("plan", cfn.toString())).as(err).isZero();
        assertThat(out).contains("stop-workers");
        assertThat(run("iam", cfn.toString())).as(err).isZero();
        assertThat(out).contains("ec2:StopInstances");
        assertThat(run("compile", "--to", "json", cfn.toString())).as(err).isZero();
        assertThat(new ObjectMapper().readTree(out).get("description").asText())
                .isEqualTo("Stop 20% of the workers");
    }

    @Test
    void lint_cloudFormationYaml_pathsPointIntoTheDocument_andIntrinsicsArePlaceholders() throws Exception {
        Path cfn = file("stack.yaml", YAML);
        assertThat(run("lint", cfn.toString())).isEqualTo(1);
        assertThat(out)
                .contains(cfn + ": /Resources/NodeLoss/Properties/RoleArn: WARNING cfn.intrinsic-unresolved ")
                .contains("'${Role}'")
                .contains("/Resources/NodeLoss/Properties/Actions/stop-workers/Targets/INSTANCES: ERROR ");
    }

    @Test
    void lint_cloudFormationJson_lintsEveryExperimentTemplateResource() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Files.readString(compiled("cfn-json")));
        String resource = doc.get("Resources").properties().iterator().next().getValue().toString();
        String two = "{\"Resources\":{\"First\":" + resource + ",\"Second\":"
                + resource.replace("\"PERCENT(20)\"", "\"PERCENT(200)\"") + ",\"Bucket\":{\"Type\":\"AWS::S3::Bucket\"}}}";
        Path cfn = file("two.json", two);
        assertThat(run("lint", cfn.toString())).isEqualTo(1);
        assertThat(out).contains("/Resources/Second/Properties/Targets/workers/SelectionMode: ERROR")
                .doesNotContain("/Resources/First/");
        assertThat(run("compile", cfn.toString())).isEqualTo(2);
        assertThat(err).contains("First, Second").contains(cfn + "#First");
        assertThat(run("compile", cfn + "#First")).as(err).isZero();
        assertThat(run("plan", cfn + "#Missing")).isEqualTo(2);
        assertThat(err).contains("no AWS::FIS::ExperimentTemplate resource named 'Missing'");
    }

    @Test
    void everyCommand_emptyFile_exitsTwoSayingSo() throws Exception {
        Path empty = file("empty.json", "  \n");
        for (String command : new String[] {"lint", "plan", "iam", "compile", "run"}) {
            assertThat(run(command, empty.toString())).as(command).isEqualTo(2);
            assertThat(out + err).as(command).contains("input.file-empty").contains("The file is empty");
        }
    }

    @Test
    void lint_unknownFormat_namesWhatWasDetected() throws Exception {
        assertThat(run("lint", file("list.json", "[1, 2]").toString())).isEqualTo(2);
        assertThat(out).contains("input.format-unknown").contains("The file is a JSON array");
        assertThat(run("lint", file("notes.txt", "just some notes").toString())).isEqualTo(2);
        assertThat(out).contains("The file is plain text (a YAML scalar), not FIS template JSON");
        assertThat(run("lint", file("page.html", "<html></html>").toString())).isEqualTo(2);
        assertThat(out).contains("markup");
    }

    @Test
    void lint_fisTemplateYaml_isRead() throws Exception {
        String yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .writeValueAsString(new ObjectMapper().readTree(VALID));
        assertThat(run("lint", file("fis.yaml", yaml).toString())).as(out).isZero();
    }

    @Test
    void lint_failOnWarning_exitsOneOnWarnings_andTheSummaryCountsThem() throws Exception {
        Path cfn = file("stack.yaml", YAML.replace("INSTANCES", "Instances"));
        assertThat(run("lint", cfn.toString(), file("ok.json", VALID).toString())).as(out).isZero();
        assertThat(out).contains("2 files, 0 errors, 2 warnings");
        assertThat(run("lint", "--fail-on", "warning", cfn.toString())).isEqualTo(1);
        assertThat(out).endsWith("1 file, 0 errors, 2 warnings" + System.lineSeparator());
        assertThat(run("lint", "--fail-on", "warning", file("ok.json", VALID).toString())).isZero();
        assertThat(out).isEqualTo("1 file, 0 errors, 0 warnings" + System.lineSeparator());
        assertThat(run("lint", "--fail-on", "note", cfn.toString())).isEqualTo(2);
    }

    @Test
    void lint_cloudFormationOverItsLimits_isReported() throws Exception {
        String body = Files.readString(compiled("cfn-json"));
        String padded = body.replaceFirst("\\{", "{\"Description\":\"" + "x".repeat(60_000) + "\",");
        assertThat(run("lint", file("big.json", padded).toString())).as(out).isZero();
        assertThat(out).contains("WARNING input.inline-too-large").contains("51200 bytes for a template passed inline");
        String huge = body.replaceFirst("\\{", "{\"Description\":\"" + "x".repeat(1_100_000) + "\",");
        assertThat(run("lint", file("huge.json", huge).toString())).isEqualTo(1);
        assertThat(out).contains("ERROR input.file-too-large").contains("1048576 bytes (1 MB)");
        assertThat(run("compile", "--to", "cfn-yaml", dir.resolve("huge.json").toString())).isEqualTo(1);
        assertThat(out).isEmpty();
    }

    @Test
    void lint_maxSize_isTheUsersLimit() throws Exception {
        Path ok = file("ok.json", VALID);
        assertThat(run("lint", "--max-size", "100", ok.toString())).isEqualTo(1);
        assertThat(out).contains("over --max-size 100");
        assertThat(run("lint", "--max-size", "100000", ok.toString())).isZero();
    }

    @Test
    void compiledCloudFormation_overOneMegabyte_isAnError_overTheInlineLimitAWarning() {
        assertThat(SizeLimits.cloudFormation(1_048_577, "it")).singleElement()
                .satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.ERROR));
        assertThat(SizeLimits.cloudFormation(51_201, "it")).singleElement()
                .satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.WARNING));
        assertThat(SizeLimits.cloudFormation(51_200, "it")).isEmpty();
    }
}
