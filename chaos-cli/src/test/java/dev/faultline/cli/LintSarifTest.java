package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lint --format sarif}: valid SARIF 2.1.0 (checked against the OASIS schema), rules, locations. */
class LintSarifTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("..", "chaos-core", "src", "test", "resources", "corpus");
    private static Schema sarifSchema;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = LintSarifTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in, InputFormat.JSON);
        }
    }

    private int run(String... args) {
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static List<Error> schemaErrors(String sarif) {
        return sarifSchema.validate(sarif, InputFormat.JSON);
    }

    @Test
    void sarif_ofTheWholeCorpus_isValidSarif210() throws Exception {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "sarif"));
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> args.add(f.toString()));
        }

        int code = run(args.toArray(String[]::new));

        assertThat(code).as(err.toString()).isEqualTo(Faultline.FOUND_ERRORS);
        assertThat(schemaErrors(out.toString())).isEmpty();
        JsonNode log = JSON.readTree(out.toString());
        assertThat(log.at("/version").asText()).isEqualTo("2.1.0");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.size()).isGreaterThan(20);
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates();
        for (JsonNode r : results) {
            assertThat(ids.get(r.get("ruleIndex").asInt())).isEqualTo(r.get("ruleId").asText());
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith(".json")
                    .doesNotContain("\\\\");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        }
        for (JsonNode rule : rules) {
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/help/text").asText()).contains(rule.get("id").asText());
            // declared codes carry the registry's meaning and fix
            dev.faultline.core.validation.ViolationCode.find(rule.get("id").asText()).ifPresent(declared -> {
                assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(declared.meaning());
                assertThat(rule.at("/help/text").asText()).contains(declared.fix());
            });
        }
    }

    @Test
    void sarif_pointsAtTheLineAndColumnOfTheViolation() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), "{\n"
                + "  \"description\": \"d\",\n"
                + "  \"roleArn\": \"arn:aws:iam::<YOUR AWS ACCOUNT>:role/r\",\n"
                + "  \"stopConditions\": [{\"source\": \"none\"}],\n"
                + "  \"targets\": {},\n"
                + "  \"actions\": {\"wait\": {\"actionId\": \"aws:fis:wait\", \"parameters\": {\"duration\": \"PT1M\"}}}\n"
                + "}\n");

        run("lint", "--format", "sarif", file.toString());

        assertThat(schemaErrors(out.toString())).isEmpty();
        JsonNode result = JSON.readTree(out.toString()).at("/runs/0/results/0");
        assertThat(result.at("/properties/jsonPointer").asText()).isEqualTo("/roleArn");
        assertThat(result.at("/level").asText()).isEqualTo("warning");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(3);
        assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("/roleArn");
    }

    @Test
    void schema_rejectsABrokenLog_soTheCheckCanFail() {
        assertThat(schemaErrors("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}")).isNotEmpty();
        assertThat(schemaErrors("{\"version\":\"9\",\"runs\":[]}")).isNotEmpty();
    }
}
