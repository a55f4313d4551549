package dev.faultline.aws.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code AWS::FIS::ExperimentTemplate} resources of a CloudFormation document (JSON,
 * or YAML with its short-form tags such as {@code !Ref}) into experiments. Properties are renamed
 * to the FIS template JSON and read by core's reader, so every reader and validator check
 * applies; violation paths are translated back into the document.
 */
public final class CloudFormationReader {

    /**
     * One experiment template resource as read, which {@code FisImporter} turns into its public
     * {@code ImportResult} (this package stays below the public one: no cycle between them).
     *
     * @param source the logical id, or {@code ""} when the document could not be read
     * @param experiment the experiment, or null when it could not be read
     * @param layout the collections the resource's properties held present but empty
     * @param violations what was found
     */
    public record Resource(String source, Experiment experiment, SourceLayout layout, ValidationResult violations) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationReader() {}

    /**
     * Reads a document.
     *
     * @param text JSON or YAML
     * @param validator the validator to run on each experiment
     * @return one result per experiment template, or one failed result
     */
    public static List<Resource> read(String text, Validator validator) {
        JsonNode doc;
        try {
            doc = parse(text);
        } catch (IOException | RuntimeException e) {
            return List.of(failure(Violation.error(ViolationCode.CFN_DOCUMENT_FORMAT, "", "The CloudFormation document cannot be read: "
                    + e.getMessage(), "Fix the JSON or YAML syntax.")));
        }
        JsonNode resources = doc == null ? null : doc.get("Resources");
        if (resources == null || !resources.isObject()) {
            return List.of(failure(Violation.error(ViolationCode.CFN_RESOURCES_MISSING, "/Resources",
                    "The document has no Resources object.", "Is this a CloudFormation template?")));
        }
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (CloudFormationWriter.ACCOUNT_TYPE.equals(r.getValue().path("Type").asText())) {
                JsonNode ref = r.getValue().path("Properties").path("ExperimentTemplateId").path("Ref");
                if (ref.isTextual()) {
                    accounts.computeIfAbsent(ref.asText(), k -> new ArrayList<>()).add(r.getKey());
                }
            }
        }
        List<Resource> results = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (CloudFormationWriter.TEMPLATE_TYPE.equals(r.getValue().path("Type").asText())) {
                results.add(resource(r.getKey(), r.getValue(), resources,
                        accounts.getOrDefault(r.getKey(), List.of()), validator));
            }
        }
        if (results.isEmpty()) {
            return List.of(failure(Violation.error(ViolationCode.CFN_EXPERIMENT_MISSING, "/Resources",
                    "The document has no " + CloudFormationWriter.TEMPLATE_TYPE + " resource.", null)));
        }
        return results;
    }

    private static Resource failure(Violation v) {
        return new Resource("", null, SourceLayout.NONE, ValidationResult.of(List.of(v)));
    }

    private static Resource resource(String id, JsonNode resource, JsonNode resources, List<String> accountIds,
            Validator validator) {
        String base = JsonPointer.of("Resources", id);
        List<Violation> found = new ArrayList<>();
        JsonNode properties = resource.get("Properties");
        if (properties == null || !properties.isObject()) {
            return new Resource(id, null, SourceLayout.NONE, ValidationResult.of(List.of(Violation.error(ViolationCode.CFN_PROPERTIES_MISSING,
                    base + "/Properties", "The resource has no Properties object.", null))));
        }
        ObjectNode fis = (ObjectNode) toFis(Intrinsics.resolve(properties, base + "/Properties", found),
                Shape.TEMPLATE);
        JsonNode own = resource.path("Metadata").path(CloudFormationWriter.METADATA_KEY);
        if (own.isObject()) {
            own.properties().forEach(f -> {
                if (f.getKey().equals("name") || f.getKey().equals("hypothesis")) {
                    fis.set(f.getKey(), f.getValue());
                }
            });
        }
        if (!accountIds.isEmpty()) {
            ArrayNode list = fis.putArray("targetAccountConfigurations");
            for (String accountId : accountIds) {
                JsonNode p = resources.path(accountId).path("Properties");
                ObjectNode a = list.addObject();
                for (String field : new String[] {"AccountId", "RoleArn", "Description"}) {
                    if (p.has(field)) {
                        a.set(Shape.decapitalize(field), Intrinsics.resolve(p.get(field),
                                JsonPointer.of("Resources", accountId, "Properties", field), found));
                    }
                }
            }
        }
        ReadResult read = TemplateJson.read(fis.toString());
        ValidationResult checked = read.validate(validator);
        for (Violation v : checked.violations()) {
            found.add(v.movedTo(cfnPath(v.path(), id, accountIds)));
        }
        return new Resource(id, read.experiment().orElse(null), read.layout(), ValidationResult.of(found));
    }

    /** Translates a JSON Pointer into the FIS template to one into the CloudFormation document. */
    static String cfnPath(String fisPath, String id, List<String> accountIds) {
        List<String> tokens = tokens(fisPath);
        if (tokens.isEmpty()) {
            return JsonPointer.of("Resources", id, "Properties");
        }
        String first = tokens.get(0);
        if (first.equals("name") || first.equals("hypothesis")) {
            return JsonPointer.of("Resources", id, "Metadata", CloudFormationWriter.METADATA_KEY) + fisPath;
        }
        if (first.equals("targetAccountConfigurations") && tokens.size() > 1 && tokens.get(1).matches("\\d{1,9}")
                && Integer.parseInt(tokens.get(1)) < accountIds.size()) {
            String path = JsonPointer.of("Resources", accountIds.get(Integer.parseInt(tokens.get(1))), "Properties");
            return tokens.size() > 2 ? JsonPointer.append(path, Shape.capitalize(tokens.get(2))) : path;
        }
        String out = JsonPointer.of("Resources", id, "Properties");
        Shape shape = Shape.TEMPLATE;
        for (String token : tokens) {
            switch (shape.kind) {
                case OBJECT:
                    out = JsonPointer.append(out, shape.cfnName(token));
                    shape = shape.child(token);
                    break;
                case MAP:
                case LIST:
                    out = JsonPointer.append(out, token);
                    shape = shape.element;
                    break;
                default:
                    out = JsonPointer.append(out, token);
                    break;
            }
        }
        return out;
    }

    private static List<String> tokens(String pointer) {
        return JsonPointer.parse(pointer).tokens();
    }

    /** Renames CloudFormation property names to FIS fields, and scalars to the types FIS expects. */
    static JsonNode toFis(JsonNode node, Shape shape) {
        switch (shape.kind) {
            case OBJECT:
                if (!node.isObject()) {
                    return node;
                }
                ObjectNode out = NODES.objectNode();
                node.properties().forEach(f -> {
                    String name = shape.fisName(f.getKey());
                    JsonNode value = toFis(f.getValue(), shape.child(name));
                    if (name.equals("logSchemaVersion") && value.isTextual() && value.asText().matches("\\d{1,9}")) {
                        value = NODES.numberNode(Integer.parseInt(value.asText()));
                    }
                    out.set(name, value);
                });
                return out;
            case MAP:
                if (!node.isObject()) {
                    return node;
                }
                ObjectNode map = NODES.objectNode();
                node.properties().forEach(f -> map.set(f.getKey(), toFis(f.getValue(), shape.element)));
                return map;
            case LIST:
                if (!node.isArray()) {
                    return node;
                }
                ArrayNode list = NODES.arrayNode();
                node.forEach(item -> list.add(toFis(item, shape.element)));
                return list;
            default:
                // CloudFormation turns scalars into the strings FIS wants (true -> "true")
                return node.isNumber() || node.isBoolean() ? TextNode.valueOf(node.asText()) : node;
        }
    }

    static JsonNode parse(String text) throws IOException {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return CloudFormationWriter.JSON.readTree(text);
        }
        try (JsonParser p = CloudFormationWriter.YAML.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            return t == null ? null : value(p);
        } catch (JsonProcessingException e) {
            throw e;
        }
    }

    /** Builds a tree from YAML, turning short-form tags ({@code !Ref x}) into their long form. */
    private static JsonNode value(JsonParser p) throws IOException {
        String tag = p.getTypeId() == null ? null : p.getTypeId().toString();
        JsonNode v;
        switch (p.currentToken()) {
            case START_OBJECT:
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p));
                }
                v = o;
                break;
            case START_ARRAY:
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                v = a;
                break;
            case VALUE_STRING:
                v = TextNode.valueOf(p.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                v = NODES.numberNode(p.getDecimalValue());
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                v = NODES.booleanNode(p.getBooleanValue());
                break;
            default:
                v = NODES.nullNode();
                break;
        }
        if (tag != null && !tag.startsWith("tag:")) {
            while (tag.startsWith("!")) {
                tag = tag.substring(1);
            }
            if (!tag.isEmpty()) {
                String fn = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                ObjectNode wrapped = NODES.objectNode();
                wrapped.set(fn, v);
                v = wrapped;
            }
        }
        return v;
    }
}
