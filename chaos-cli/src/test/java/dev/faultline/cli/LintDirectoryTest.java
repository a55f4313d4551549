package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code faultline lint DIR...}: the walk, --include/--exclude, mixed formats, order and exit codes. */
class LintDirectoryTest {

    private static final String VALID = "{\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},\"targets\":{\"Instances\":\"workers\"}}}}";
    /** One ERROR (a misspelt target key). */
    private static final String ERROR = VALID.replace("\"Instances\":\"workers\"", "\"Instance\":\"workers\"");
    /** One WARNING (an unresolved placeholder). */
    private static final String WARNING = VALID.replace("123456789012:role/FisRole", "<ACCOUNT>:role/FisRole");
    private static final String FIS_YAML = """
            description: Stop the workers
            roleArn: arn:aws:iam::123456789012:role/FisRole
            stopConditions:
              - source: none
            targets:
              workers:
                resourceType: aws:ec2:instance
                resourceTags: {Role: WorkerNode}
                selectionMode: ALL
            actions:
              stop:
                actionId: aws:ec2:stop-instances
                targets: {Instances: workers}
            """;
    private static final String CLOUDFORMATION_YAML = """
            Resources:
              Stop:
                Type: AWS::FIS::ExperimentTemplate
                Properties:
                  Description: Stop the workers
                  RoleArn: arn:aws:iam::123456789012:role/FisRole
                  StopConditions:
                    - Source: none
                  Targets:
                    workers:
                      ResourceType: aws:ec2:instance
                      ResourceTags: {Role: WorkerNode}
                      SelectionMode: ALL
                  Actions:
                    stop:
                      ActionId: aws:ec2:stop-instances
                      Targets: {Instances: workers}
                  Tags: {Name: stop}
            """;

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
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    @Test
    void lintDirectory_walksSubdirectories_lintsJsonAndYamlOnly_inPathOrder() throws Exception {
        file("b/warn.json", WARNING);
        file("a/deep/er/error.JSON", ERROR);
        file("a/ok.yaml", FIS_YAML);
        file("c/stack.yml", CLOUDFORMATION_YAML);
        file("notes.txt", "not a template");
        file("a/README.md", "# not a template");

        assertThat(run("lint", dir.toString())).isEqualTo(Faultline.FOUND_ERRORS);

        String[] lines = out.split(System.lineSeparator());
        assertThat(lines[0]).startsWith(dir.resolve("a/deep/er/error.JSON") + ": /actions/stop-workers/targets/Instance: ERROR "
                + "action.target-key-unknown");
        assertThat(lines[lines.length - 2]).startsWith(dir.resolve("b/warn.json") + ": /roleArn: WARNING");
        assertThat(lines[lines.length - 1]).isEqualTo("4 files, 1 error, 1 warning");
    }

    @Test
    void lintDirectory_mixedFormats_jsonReportNamesEachFormatInPathOrder() throws Exception {
        file("1-fis.json", VALID);
        file("2-fis.yaml", FIS_YAML);
        file("3-cfn.yml", CLOUDFORMATION_YAML);
        file("4-cfn.json", "{\"Resources\":{\"Stop\":{\"Type\":\"AWS::FIS::ExperimentTemplate\",\"Properties\":"
                + "{\"Description\":\"d\",\"RoleArn\":\"arn:aws:iam::123456789012:role/FisRole\",\"StopConditions\":"
                + "[{\"Source\":\"none\"}],\"Targets\":{},\"Actions\":{\"wait\":{\"ActionId\":\"aws:fis:wait\","
                + "\"Parameters\":{\"duration\":\"PT1M\"}}},\"Tags\":{\"Name\":\"w\"}}}}}");

        assertThat(run("lint", "--format", "json", dir.toString())).isZero();

        JsonNode report = new ObjectMapper().readTree(out);
        List<String> formats = new ArrayList<>();
        List<String> files = new ArrayList<>();
        report.forEach(n -> {
            formats.add(n.get("format").asText());
            files.add(Path.of(n.get("file").asText()).getFileName().toString());
        });
        assertThat(files).containsExactly("1-fis.json", "2-fis.yaml", "3-cfn.yml", "4-cfn.json");
        assertThat(formats).containsExactly("FIS template JSON", "FIS template YAML", "CloudFormation YAML",
                "CloudFormation JSON");
        assertThat(err).contains("4 files, 0 errors");
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(strings = {"text", "json", "sarif"})
    void lintDirectory_outputIsTheSameForEveryThreadCount(String format) throws Exception {
        SplittableRandom random = new SplittableRandom(16);
        String[] contents = {VALID, ERROR, WARNING, FIS_YAML, CLOUDFORMATION_YAML, "{ not json", ""};
        for (int i = 0; i < 60; i++) {
            String content = contents[random.nextInt(contents.length)];
            String extension = content.startsWith("{") ? ".json" : random.nextBoolean() ? ".yaml" : ".yml";
            file("d" + random.nextInt(5) + "/t" + i + extension, content);
        }

        int expected = run("lint", "--format", format, "--threads", "1", dir.toString());
        String one = out;
        String summary = err;
        for (String threads : new String[] {"2", "3", "8"}) {
            assertThat(run("lint", "--format", format, "--threads", threads, dir.toString())).isEqualTo(expected);
            assertThat(out).as("output with %s threads", threads).isEqualTo(one);
            assertThat(err).isEqualTo(summary);
        }
        assertThat(expected).isEqualTo(Faultline.USAGE);
    }

    @Test
    void lintDirectory_includeAndExclude_selectByNameOrByRelativePath() throws Exception {
        file("experiments/a-template.json", VALID);
        file("experiments/b-template.yaml", FIS_YAML);
        file("experiments/build/c-template.json", ERROR);
        file("package.json", "{\"name\":\"not a template\"}");
        file("config/settings.yml", "key: value");

        assertThat(run("lint", "--include", "*-template.*", "--exclude", "build/**", "--exclude", "**/build/**",
                dir.toString())).isZero();
        assertThat(out).isEqualTo("2 files, 0 errors, 0 warnings" + System.lineSeparator());

        assertThat(run("lint", "--include", "experiments/*.json", dir.toString())).isZero();
        assertThat(out).startsWith("1 file, ");

        assertThat(run("lint", "--include", "experiments/**", dir.toString())).isEqualTo(Faultline.FOUND_ERRORS);
        assertThat(out).contains("c-template.json").endsWith("3 files, 1 error, 0 warnings" + System.lineSeparator());
    }

    @Test
    void lintDirectory_invalidAndEmptyFilesAmongGoodOnes_areReported_andExitTwo() throws Exception {
        file("a.json", VALID);
        file("b.json", "{\"description\": ");
        file("c.yaml", "");
        file("d.yml", "- a\n- list\n");
        file("e.json", WARNING);
        Files.createSymbolicLink(dir.resolve("f.json"), dir.resolve("missing.json"));

        assertThat(run("lint", dir.toString())).isEqualTo(Faultline.USAGE);

        assertThat(out)
                .contains(dir.resolve("b.json") + ": ")
                .contains(dir.resolve("c.yaml") + ": /: ERROR input.file-empty")
                .contains(dir.resolve("d.yml") + ": /: ERROR input.format-unknown")
                .contains(dir.resolve("e.json") + ": /roleArn: WARNING")
                .contains(dir.resolve("f.json") + ": /: ERROR json.read-failed")
                .endsWith("6 files, 4 errors, 1 warning" + System.lineSeparator());
    }

    @Test
    void lintFilesAndDirectories_keepTheArgumentOrder_andFileHashResourceStillWorks() throws Exception {
        Path stack = file("z/stack.yml", CLOUDFORMATION_YAML);
        file("d/ok.json", VALID);
        Path warn = file("warn.json", WARNING);

        assertThat(run("lint", warn.toString(), dir.resolve("d").toString(), stack + "#Stop")).isZero();

        assertThat(out).startsWith(warn + ": /roleArn: WARNING")
                .endsWith("3 files, 0 errors, 1 warning" + System.lineSeparator());
    }

    @Test
    void lintDirectory_failOnWarning_exitsOne() throws Exception {
        file("a.json", VALID);
        file("b/c.json", WARNING);

        assertThat(run("lint", dir.toString())).isZero();
        assertThat(run("lint", "--fail-on", "warning", dir.toString())).isEqualTo(Faultline.FOUND_ERRORS);
    }

    @Test
    void lintDirectory_noTemplateFound_isAUsageError() throws Exception {
        file("notes.txt", "nothing");
        file("a.json", VALID);

        assertThat(run("lint", "--exclude", "*.json", dir.toString())).isEqualTo(Faultline.USAGE);
        assertThat(err).contains("no *.json, *.yaml or *.yml file in [" + dir + "] that --include and --exclude select");
    }

    @Test
    void lint_badThreadsOrGlob_isAUsageError() throws Exception {
        file("a.json", VALID);

        assertThat(run("lint", "--threads", "0", dir.toString())).isEqualTo(Faultline.USAGE);
        assertThat(err).contains("--threads must be at least 1, was 0");
        assertThat(run("lint", "--include", "[a-", dir.toString())).isEqualTo(Faultline.USAGE);
        assertThat(err).contains("a bad --include or --exclude glob");
    }
}
