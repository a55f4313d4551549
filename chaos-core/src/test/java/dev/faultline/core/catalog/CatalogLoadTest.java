package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Loading malformed data files fails with a CatalogException that names the file, the field and the problem. */
class CatalogLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void load_shippedFiles_givesTheDefaultCatalog() {
        Catalog copy = load(actions(), resourceTypes(), ssmDocuments());
        assertThat(copy).isNotSameAs(Catalog.defaultCatalog());
        assertThat(copy.actions()).containsExactlyElementsOf(Catalog.defaultCatalog().actions());
        assertThat(copy.resourceTypes()).containsExactlyElementsOf(Catalog.defaultCatalog().resourceTypes());
        assertThat(copy.ssmDocuments()).containsExactlyElementsOf(Catalog.defaultCatalog().ssmDocuments());
    }

    @Test
    void load_unknownParameterType_namesFileActionParameterAndType() {
        ObjectNode actions = actions();
        parameter(actions, "aws:ec2:stop-instances", 0).put("type", "durations");
        assertLoadFails(actions).hasMessage("actions.json: actions[14] (aws:ec2:stop-instances).parameters[0] "
                + "(startInstancesAfterDuration).type: unknown parameter type \"durations\"; expected one of "
                + "duration, integer, percent, number, boolean, enum, string, json, list");
    }

    @Test
    void load_misspeltField_suggestsTheRightName() {
        ObjectNode actions = actions();
        ObjectNode parameter = parameter(actions, "aws:rds:reboot-db-instances", 0);
        parameter.set("defualt", parameter.remove("default"));
        assertLoadFails(actions)
                .hasMessageStartingWith("actions.json: actions[")
                .hasMessageContaining("(aws:rds:reboot-db-instances).parameters[0].defualt: unknown field; did you mean \"default\"?");
    }

    @Test
    void load_unknownResourceTypeInTargets_suggestsTheRightType() {
        ObjectNode actions = actions();
        action(actions, "aws:ec2:terminate-instances").withObjectProperty("targets").putArray("Instances").add("aws:ec2:instanse");
        assertLoadFails(actions).hasMessageContaining("(aws:ec2:terminate-instances).targets.Instances: "
                + "unknown resource type \"aws:ec2:instanse\"; did you mean \"aws:ec2:instance\"?");
    }

    @Test
    void load_durationParameterWithoutRange_isRejected() {
        ObjectNode actions = actions();
        parameter(actions, "aws:fis:wait", 0).remove("durationMax");
        assertLoadFails(actions).hasMessageContaining("(aws:fis:wait).parameters[0] (duration).durationMax: "
                + "a duration parameter needs durationMin and durationMax");
    }

    @Test
    void load_enumWithoutValues_isRejected() {
        ObjectNode actions = actions();
        parameter(actions, "aws:ecs:task-kill-process", 1).remove("values");
        assertLoadFails(actions).hasMessageContaining("(aws:ecs:task-kill-process).parameters[1] (signal).values: "
                + "an enum parameter needs at least one value");
    }

    @Test
    void load_defaultOutsideRange_isRejected() {
        ObjectNode actions = actions();
        parameter(actions, "aws:lambda:invocation-add-delay", 2).put("default", "900001");
        assertLoadFails(actions).hasMessageContaining("(startupDelayMilliseconds).default: default \"900001\": startupDelayMilliseconds 900001 is outside 0..900000.");
    }

    @Test
    void load_durationParameterNamingAnotherType_isRejected() {
        ObjectNode actions = actions();
        action(actions, "aws:ec2:stop-instances").put("durationParameter", "completeIfInstancesTerminated");
        assertLoadFails(actions).hasMessageContaining("(aws:ec2:stop-instances).durationParameter: "
                + "\"completeIfInstancesTerminated\" is not a duration parameter of the action");
    }

    @Test
    void load_durationParameterMisspelt_suggestsTheParameter() {
        ObjectNode actions = actions();
        action(actions, "aws:ec2:stop-instances").put("durationParameter", "startInstanceAfterDuration");
        assertLoadFails(actions).hasMessageContaining("did you mean \"startInstancesAfterDuration\"?");
    }

    @Test
    void load_duplicateActionId_isRejected() {
        ObjectNode actions = actions();
        ArrayNode list = (ArrayNode) actions.get("actions");
        list.add(list.get(0).deepCopy());
        assertLoadFails(actions).hasMessageContaining("(aws:fis:inject-api-internal-error).id: duplicate action");
    }

    @Test
    void load_malformedActionId_isRejected() {
        ObjectNode actions = actions();
        action(actions, "aws:fis:wait").put("id", "fis:wait");
        assertLoadFails(actions).hasMessageContaining("actions[3].id: \"fis:wait\" does not have the form aws:<service>:<name>");
    }

    @Test
    void load_replacementThatDoesNotExist_isRejected() {
        ObjectNode actions = actions();
        action(actions, "aws:elasticache:interrupt-cluster-az-power").put("replacedBy", "aws:elasticache:interrupt-az-power");
        assertLoadFails(actions).hasMessageContaining("(aws:elasticache:interrupt-cluster-az-power).replacedBy: names no other action");
    }

    @Test
    void load_conditionOnUnknownParameter_isRejected() {
        ObjectNode actions = actions();
        parameter(actions, "aws:network:disrupt-connectivity", 2).withObjectProperty("requiredWhen").put("parameter", "scop");
        assertLoadFails(actions).hasMessageContaining("(prefixListIdentifier).requiredWhen.parameter: names no other parameter: \"scop\"");
    }

    @Test
    void load_appliesOnlyWithAnUnknownParameter_isRejected() {
        ObjectNode actions = actions();
        parameter(actions, "aws:ec2:stop-instances", 1).put("appliesOnlyWith", "startInstanceAfterDuration");
        assertLoadFails(actions).hasMessageContaining(
                "(completeIfInstancesTerminated).appliesOnlyWith: names no other parameter: \"startInstanceAfterDuration\"");
    }

    @Test
    void load_badQuotaCode_isRejected() {
        ObjectNode actions = actions();
        action(actions, "aws:ec2:stop-instances").put("quotaCode", "L-3f98b425");
        assertLoadFails(actions).hasMessageContaining("(aws:ec2:stop-instances).quotaCode: \"L-3f98b425\" is not a Service Quotas code");
    }

    @Test
    void load_missingReversibleFlag_isRejected() {
        ObjectNode actions = actions();
        action(actions, "aws:ec2:terminate-instances").remove("reversible");
        assertLoadFails(actions).hasMessageContaining("(aws:ec2:terminate-instances).reversible: required field is missing");
    }

    @Test
    void load_invalidJson_givesTheLine() {
        assertThatThrownBy(() -> Catalog.load(stream("{\n  \"formatVersion\": 1,\n  \"actions\": [\n}"),
                stream(resourceTypes()), stream(ssmDocuments())))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("actions.json: not valid JSON at line 4")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void load_duplicateJsonKey_isRejected() {
        String duplicated = "{\"formatVersion\": 1, \"formatVersion\": 1, \"actions\": []}";
        assertThatThrownBy(() -> Catalog.load(stream(duplicated), stream(resourceTypes()), stream(ssmDocuments())))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("actions.json: not valid JSON")
                .hasMessageContaining("formatVersion");
    }

    @Test
    void load_unsupportedFormatVersion_isRejected() {
        ObjectNode types = resourceTypes();
        types.put("formatVersion", 2);
        assertThatThrownBy(() -> load(actions(), types, ssmDocuments()))
                .isInstanceOf(CatalogException.class)
                .hasMessage("resource-types.json: formatVersion: unsupported format version 2; this library reads 1");
    }

    @Test
    void load_nullStream_namesTheFile() {
        assertThatThrownBy(() -> Catalog.load(stream(actions()), stream(resourceTypes()), null))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("ssm-documents.json: no data");
    }

    @Test
    void load_badIdentificationMeans_isRejected() {
        ObjectNode types = resourceTypes();
        ((ArrayNode) resourceType(types, "aws:ec2:instance").withObjectProperty("identification").get("allowed")).add("NAMES");
        assertThatThrownBy(() -> load(actions(), types, ssmDocuments()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("resource-types.json: resourceTypes[6] (aws:ec2:instance).identification.allowed: "
                        + "unknown means \"NAMES\"");
    }

    @Test
    void load_parametersOnATypeThatDisallowsThem_isRejected() {
        ObjectNode types = resourceTypes();
        ((ArrayNode) resourceType(types, "aws:ec2:subnet").withObjectProperty("identification").get("allowed")).remove(3);
        assertThatThrownBy(() -> load(actions(), types, ssmDocuments()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("(aws:ec2:subnet).identification.allowed: the type has parameters, so PARAMETERS must be allowed");
    }

    @Test
    void load_documentWithUnknownParametersListingSome_isRejected() {
        ObjectNode documents = ssmDocuments();
        ArrayNode list = (ArrayNode) documents.get("documents");
        ObjectNode ecs = (ObjectNode) list.get(list.size() - 1);
        ecs.set("parameters", list.get(0).get("parameters").deepCopy());
        assertThatThrownBy(() -> load(actions(), resourceTypes(), documents))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("ssm-documents.json: documents[12] (AWSFIS-Run-Network-Packet-Loss-ECS).parameters: "
                        + "must be empty when parametersKnown is false");
    }

    @Test
    void load_doesNotCloseTheStreams() {
        TrackingStream actions = new TrackingStream(bytes(actions()));
        TrackingStream types = new TrackingStream(bytes(resourceTypes()));
        TrackingStream documents = new TrackingStream(bytes(ssmDocuments()));
        Catalog.load(actions, types, documents);
        assertThat(actions.closed || types.closed || documents.closed).isFalse();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(ObjectNode actions) {
        return assertThatThrownBy(() -> load(actions, resourceTypes(), ssmDocuments())).isInstanceOf(CatalogException.class);
    }

    private static Catalog load(ObjectNode actions, ObjectNode resourceTypes, ObjectNode ssmDocuments) {
        return Catalog.load(stream(actions), stream(resourceTypes), stream(ssmDocuments));
    }

    private static ObjectNode action(ObjectNode actions, String id) {
        return find(actions, "actions", "id", id);
    }

    private static ObjectNode resourceType(ObjectNode types, String type) {
        return find(types, "resourceTypes", "type", type);
    }

    private static ObjectNode parameter(ObjectNode actions, String id, int index) {
        return (ObjectNode) action(actions, id).get("parameters").get(index);
    }

    private static ObjectNode find(ObjectNode root, String list, String field, String value) {
        for (JsonNode item : root.get(list)) {
            if (item.get(field).asText().equals(value)) {
                return (ObjectNode) item;
            }
        }
        throw new AssertionError("no " + value + " in " + list);
    }

    private static ObjectNode actions() {
        return shipped("actions.json");
    }

    private static ObjectNode resourceTypes() {
        return shipped("resource-types.json");
    }

    private static ObjectNode ssmDocuments() {
        return shipped("ssm-documents.json");
    }

    private static ObjectNode shipped(String file) {
        try (InputStream in = Catalog.class.getResourceAsStream(file)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(ObjectNode node) {
        return new ByteArrayInputStream(bytes(node));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Remembers whether it was closed. */
    private static final class TrackingStream extends ByteArrayInputStream {
        private boolean closed;

        TrackingStream(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

}
