package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short commands load no class of the AWS SDK, Netty, Temporal or JDBC: each runs in a child
 * JVM that logs every class it loads ({@code -Xlog:class+load}), on the training templates the
 * build uses for the class-data-sharing archive. Not timed: what it checks is which classes a cold
 * start loads, the main cause of its cost (docs/performance.md, "Cold start").
 */
class ColdStartClassesTest {

    /** Package prefixes a cold lint, plan, compile or iam must not load. */
    static final List<String> FORBIDDEN = List.of("software.amazon.awssdk.", "io.netty.", "io.temporal.", "io.grpc.",
            "java.sql.", "org.postgresql.", "org.sqlite.", "org.flywaydb.");

    /**
     * The two {@code java.sql} value classes SnakeYAML's {@code Tag} names for YAML timestamps
     * (its static initialiser refers to them): reading any YAML file loads them. They are plain
     * data types; no JDBC class (DriverManager, Driver, Connection) comes with them.
     */
    static final List<String> ALLOWED = List.of("java.sql.Date", "java.sql.Timestamp");

    private static final Path FIS = Path.of("src/cds/training.json");
    private static final Path CLOUDFORMATION = Path.of("src/cds/training.yaml");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "faultline {0}")
    @ValueSource(strings = {"lint FIS", "lint CLOUDFORMATION", "lint --format sarif FIS", "plan FIS", "plan CLOUDFORMATION",
            "iam FIS", "compile FIS", "compile --to cfn-yaml FIS", "lint DIR"})
    void shortCommand_loadsNoSdkNettyTemporalOrJdbcClass(String command) throws Exception {
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(switch (word) {
                case "FIS" -> FIS.toAbsolutePath().toString();
                case "CLOUDFORMATION" -> CLOUDFORMATION.toAbsolutePath().toString();
                case "DIR" -> FIS.toAbsolutePath().getParent().toString();
                default -> word;
            });
        }
        List<String> loaded = loadedClasses(args);

        assertThat(loaded).as("classes loaded by faultline %s", command)
                .hasSizeGreaterThan(500)
                .contains("dev.faultline.cli.Faultline", "dev.faultline.core.validation.Validator")
                .filteredOn(name -> FORBIDDEN.stream().anyMatch(name::startsWith) && !ALLOWED.contains(name))
                .isEmpty();
    }

    /**
     * A lint or plan of FIS JSON makes no {@code ObjectMapper}: creating one initialises most of
     * jackson-databind (about 250 classes), and neither the template reader nor the catalog needs
     * it. YAML, SARIF, compile and iam do (their mappers and writers), and are not listed here.
     */
    @ParameterizedTest(name = "faultline {0}")
    @ValueSource(strings = {"lint", "plan"})
    void lintAndPlanOfFisJson_makeNoObjectMapper(String command) throws Exception {
        List<String> loaded = loadedClasses(List.of(command, FIS.toAbsolutePath().toString()));

        assertThat(loaded).as("classes loaded by faultline %s FIS", command)
                .contains("dev.faultline.core.catalog.Catalog", "com.fasterxml.jackson.core.JsonFactory")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    /** Runs {@code Faultline.main} in a child JVM on this test's class path and lists the classes it loaded. */
    private List<String> loadedClasses(List<String> args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Faultline.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        assertThat(process.exitValue()).as("exit code; output: %s", Files.readString(output)).isIn(0, 1);
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int start = line.indexOf("[class,load] ");
            if (start >= 0) {
                String rest = line.substring(start + "[class,load] ".length());
                int space = rest.indexOf(' ');
                names.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return names;
    }
}
