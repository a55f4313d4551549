package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lint --max-per-code} and {@code --max-size}: output bounded on hostile templates, in text, JSON and SARIF. */
class LintCapsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "graph.reference-unknown";

    @TempDir
    Path dir;

    /** The last run's exit code and output. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    /** A template of {@code n} actions, each starting after an action that does not exist. */
    private Path unknownReferences(int n) throws Exception {
        StringBuilder b = new StringBuilder("{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
                + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{},\"actions\":{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":{\"actionId\":\"aws:fis:wait\","
                    + "\"parameters\":{\"duration\":\"PT1M\"},\"startAfter\":[\"missing").append(i).append("\"]}");
        }
        return Files.writeString(dir.resolve("hostile.json"), b.append("}}").toString());
    }

    private long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    @Test
    void text_showsTwentyOfACode_andCountsTheRest_theSummaryCountsAll() throws Exception {
        Path file = unknownReferences(50);

        assertThat(run("lint", file.toString())).isEqualTo(Faultline.FOUND_ERRORS);

        String text = last.out();
        assertThat(count(text, "ERROR " + CODE)).isEqualTo(20);
        assertThat(text).contains(file + ": 30 more " + CODE + " not shown (at most 20 per code");
        assertThat(text).contains("1 file, 51 errors"); // 50 references and quota.actions-too-many
    }

    @Test
    void text_maxPerCodeZero_showsEveryOne_andNIsConfigurable() throws Exception {
        Path file = unknownReferences(50);

        run("lint", "--max-per-code", "0", file.toString());
        assertThat(count(last.out(), "ERROR " + CODE)).isEqualTo(50);
        assertThat(last.out()).doesNotContain("not shown");
        run("lint", "--max-per-code", "3", file.toString());
        assertThat(count(last.out(), "ERROR " + CODE)).isEqualTo(3);
        assertThat(last.out()).contains("47 more " + CODE + " not shown");
        assertThat(run("lint", "--max-per-code", "-1", file.toString())).isEqualTo(Faultline.USAGE);
    }

    @Test
    void json_listsTheCappedViolations_andSaysHowManyOfEachCodeWereLeftOut() throws Exception {
        Path file = unknownReferences(50);

        run("lint", "--format", "json", file.toString());

        JsonNode report = JSON.readTree(last.out()).get(0);
        assertThat(report.get("violations")).hasSize(21);
        assertThat(report.at("/omitted/" + CODE).asInt()).isEqualTo(30);
        assertThat(report.get("omitted")).hasSize(1);
        assertThat(last.err()).contains("51 errors");
    }

    @Test
    void sarif_listsTheCappedResults_andANoteOfTheRest_andStaysValidSarif() throws Exception {
        Path file = unknownReferences(50);

        run("lint", "--format", "sarif", file.toString());

        Schema schema;
        try (InputStream in = LintCapsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
        }
        assertThat(schema.validate(last.out(), InputFormat.JSON)).isEmpty();
        JsonNode run = JSON.readTree(last.out()).at("/runs/0");
        assertThat(run.get("results")).hasSize(21);
        JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
        assertThat(note.at("/associatedRule/id").asText()).isEqualTo(CODE);
        assertThat(note.at("/properties/omitted").asInt()).isEqualTo(30);
        assertThat(note.at("/message/text").asText()).contains("30 more results of " + CODE);
    }

    @Test
    void maxSize_refusesALargerFileWithTheReadersCode_withoutReadingIt() throws Exception {
        Path file = unknownReferences(50);
        long size = Files.size(file);

        assertThat(run("lint", "--max-size", Long.toString(size - 1), file.toString())).isEqualTo(Faultline.FOUND_ERRORS);
        assertThat(last.out()).contains("ERROR json.document-too-large").contains("over --max-size " + (size - 1))
                .doesNotContain(CODE);
        run("lint", "--max-size", Long.toString(size), file.toString());
        assertThat(last.out()).doesNotContain("json.document-too-large").contains(CODE);
        assertThat(run("lint", "--max-size", "0", file.toString())).isEqualTo(Faultline.USAGE);
    }

    @Test
    void maxSize_defaultsToTheReadersLimit() {
        CommandLine cli = Faultline.commandLine();
        String help = cli.getSubcommands().get("lint").getUsageMessage();
        assertThat(help).contains("default: " + dev.faultline.core.json.TemplateJson.DEFAULT_MAX_BYTES);
        assertThat(List.of(SizeLimits.standard().maxSize())).containsExactly(dev.faultline.core.json.TemplateJson.DEFAULT_MAX_BYTES);
    }
}
