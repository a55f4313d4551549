package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the catalog against the real templates of aws-samples/fis-template-library in
 * {@code src/test/resources/corpus}: every action, target key, resource type and parameter
 * name they use is catalogued, and their durations are within the catalogued ranges.
 */
class CatalogCorpusTest {

    private static final Catalog CATALOG = Catalog.defaultCatalog();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void corpusTemplates_useOnlyCataloguedActionsKeysTypesAndParameters() throws IOException, URISyntaxException {
        List<Path> templates = templates();
        assertThat(templates).hasSize(23);
        List<String> problems = new ArrayList<>();
        int actions = 0;
        for (Path file : templates) {
            JsonNode template = JSON.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = template.path("actions").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                actions++;
                check(file.getFileName() + " " + entry.getKey(), entry.getValue(), template.path("targets"), problems);
            }
        }
        assertThat(actions).isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    private static void check(String where, JsonNode action, JsonNode targets, List<String> problems) {
        String id = action.path("actionId").asText();
        ActionDefinition definition = CATALOG.action(id).orElse(null);
        if (definition == null) {
            problems.add(where + ": unknown action " + id);
            return;
        }
        action.path("targets").properties().forEach(target -> {
            String key = target.getKey();
            String type = targets.path(target.getValue().asText()).path("resourceType").asText();
            if (!definition.targets().containsKey(key)) {
                problems.add(where + ": target key " + key + " not accepted by " + id);
            } else if (!definition.targets().get(key).accepts(type)) {
                problems.add(where + ": resource type " + type + " not accepted under " + key);
            }
        });
        action.path("parameters").properties().forEach(parameter -> {
            ParameterDefinition known = definition.parameter(parameter.getKey()).orElse(null);
            if (known == null) {
                problems.add(where + ": unknown parameter " + parameter.getKey() + " of " + id);
            } else if (known.type() == ParameterType.DURATION) {
                Duration value = Duration.parse(parameter.getValue().asText());
                if (value.compareTo(known.durationMin().orElseThrow()) < 0 || value.compareTo(known.durationMax().orElseThrow()) > 0) {
                    problems.add(where + ": " + parameter.getKey() + "=" + value + " outside the catalogued range");
                }
            }
        });
        definition.requiredParameters().stream()
                .filter(required -> !action.path("parameters").has(required.name()))
                .forEach(required -> problems.add(where + ": required parameter " + required.name() + " missing"));
    }

    private static List<Path> templates() throws IOException, URISyntaxException {
        Path corpus = Path.of(CatalogCorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }
}
