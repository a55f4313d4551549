package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/** {@link CatalogDrift} against LocalFis serving a modified catalog. */
class CatalogDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "/dev/faultline/core/catalog/";

    static InputStream resource(String name) {
        return Catalog.class.getResourceAsStream(DIR + name);
    }

    /** The default catalog with aws:fis:wait removed, a new action added and a parameter dropped. */
    static Catalog modified() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(resource("actions.json"));
        ArrayNode actions = (ArrayNode) root.get("actions");
        ObjectNode copy = null;
        for (Iterator<JsonNode> it = actions.iterator(); it.hasNext(); ) {
            ObjectNode a = (ObjectNode) it.next();
            String id = a.get("id").asText();
            if (id.equals("aws:fis:wait")) {
                it.remove();
            } else if (id.equals("aws:ec2:stop-instances")) {
                copy = a.deepCopy();
                ArrayNode params = (ArrayNode) a.get("parameters");
                for (Iterator<JsonNode> p = params.iterator(); p.hasNext(); ) {
                    if (p.next().get("name").asText().equals("completeIfInstancesTerminated")) {
                        p.remove();
                    }
                }
            }
        }
        copy.put("id", "aws:ec2:new-fault");
        copy.put("description", "A fault FIS added after this catalog was written.");
        actions.add(copy);
        byte[] text = JSON.writeValueAsBytes(root);
        return Catalog.load(new ByteArrayInputStream(text), resource("resource-types.json"), resource("ssm-documents.json"));
    }

    /**
     * The default catalog whose resource types changed: {@code aws:ec2:ebs-volume} lost its
     * parameter, the next type with parameters has its first one required or optional the other
     * way round, and the one after gained a required parameter.
     */
    static Catalog modifiedTypes(List<String> expected) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(resource("resource-types.json"));
        int changed = 0;
        for (JsonNode t : root.get("resourceTypes")) {
            String name = t.get("type").asText();
            ArrayNode params = (ArrayNode) t.get("parameters");
            if (params == null || params.isEmpty()) {
                continue;
            }
            if (name.equals("aws:ec2:ebs-volume")) {
                expected.add("resource type changed: " + name + ": parameter removed: "
                        + params.get(0).get("name").asText());
                params.removeAll();
            } else if (changed == 0) {
                ObjectNode p = (ObjectNode) params.get(0);
                p.put("required", !p.path("required").asBoolean());
                expected.add("resource type changed: " + name + ": parameter changed: " + p.get("name").asText()
                        + " is " + (p.get("required").asBoolean() ? "required" : "optional"));
                changed++;
            } else if (changed == 1) {
                params.addObject().put("name", "newFilter").put("type", "string").put("required", true)
                        .put("description", "A parameter FIS added.");
                expected.add("resource type changed: " + name + ": parameter added: newFilter (required)");
                changed++;
            }
        }
        return Catalog.load(resource("actions.json"), new ByteArrayInputStream(JSON.writeValueAsBytes(root)),
                resource("ssm-documents.json"));
    }

    @Test
    void modifiedResourceTypes_reportTheirParametersAddedRemovedAndChanged() throws Exception {
        List<String> expected = new ArrayList<>();
        Catalog served = modifiedTypes(expected);
        try (LocalFis fis = LocalFis.builder().catalog(served).start(); FisAsyncClient client = SdkClients.fis(fis)) {
            CatalogDrift drift = CatalogDrift.compare(client, Catalog.defaultCatalog()).join();

            assertThat(expected).hasSize(3);
            assertThat(drift.lines()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void sameCatalog_noDrift() {
        try (LocalFis fis = LocalFis.builder().start(); FisAsyncClient client = SdkClients.fis(fis)) {
            CatalogDrift drift = CatalogDrift.compare(client, Catalog.defaultCatalog()).join();

            assertThat(drift.lines()).isEmpty();
            assertThat(drift.isEmpty()).isTrue();
        }
    }

    @Test
    void modifiedService_reportsAddedRemovedAndChanged_andWritesAnOverlayInTheCatalogFormat() throws Exception {
        try (LocalFis fis = LocalFis.builder().catalog(modified()).start(); FisAsyncClient client = SdkClients.fis(fis)) {
            CatalogDrift drift = CatalogDrift.compare(client, Catalog.defaultCatalog()).join();

            assertThat(drift.lines()).containsExactlyInAnyOrder(
                    "action added: aws:ec2:new-fault",
                    "action changed: aws:ec2:stop-instances: parameter removed: completeIfInstancesTerminated",
                    "action removed: aws:fis:wait (in the catalog, not listed by the service)");
            JsonNode overlay = JSON.readTree(drift.overlayJson());
            assertThat(overlay.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(overlay.get("actions").findValuesAsText("id"))
                    .containsExactly("aws:ec2:new-fault", "aws:ec2:stop-instances");
            Catalog loaded = Catalog.load(new ByteArrayInputStream(drift.overlayJson().getBytes(StandardCharsets.UTF_8)),
                    resource("resource-types.json"), resource("ssm-documents.json"));
            assertThat(loaded.action("aws:ec2:new-fault")).isPresent();
            assertThat(loaded.action("aws:ec2:new-fault").get().reversible()).as("unknown: assumed irreversible").isFalse();
            assertThat(loaded.action("aws:ec2:stop-instances").get().parameters())
                    .doesNotContainKey("completeIfInstancesTerminated");
        }
    }
}
