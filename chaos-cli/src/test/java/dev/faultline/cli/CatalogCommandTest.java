package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CatalogCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void listJson_hasEveryCatalogActionAndResourceType_sorted() throws Exception {
        assertThat(run("catalog", "list", "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(out.toString());
        List<String> ids = new ArrayList<>();
        root.get("actions").forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(Catalog.defaultCatalog().actionIds()).isSorted();
        assertThat(root.get("resourceTypes").size()).isEqualTo(Catalog.defaultCatalog().resourceTypes().size());
        JsonNode stop = root.get("actions").get(ids.indexOf("aws:ec2:stop-instances"));
        assertThat(stop.at("/targets/Instances/0").asText()).isEqualTo("aws:ec2:instance");
        assertThat(stop.get("parameters").findValuesAsText("name")).contains("startInstancesAfterDuration");
    }

    @Test
    void listText_printsOneLinePerAction() {
        assertThat(run("catalog", "list")).isZero();

        assertThat(out.toString()).contains("Actions (" + Catalog.defaultCatalog().actionIds().size() + "):")
                .contains("  aws:ec2:stop-instances").contains("Resource types (");
    }

    @Test
    void catalog_withoutSubcommand_isAUsageError() {
        assertThat(run("catalog")).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("Missing a command: list");
    }
}
