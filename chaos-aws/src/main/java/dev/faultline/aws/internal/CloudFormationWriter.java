package dev.faultline.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes experiments as a CloudFormation template of {@code AWS::FIS::ExperimentTemplate} resources. */
public final class CloudFormationWriter {

    /** The CloudFormation type of an experiment template. */
    public static final String TEMPLATE_TYPE = "AWS::FIS::ExperimentTemplate";
    /** The CloudFormation type of a target account configuration. */
    public static final String ACCOUNT_TYPE = "AWS::FIS::TargetAccountConfiguration";
    /** The key under a resource's {@code Metadata} that holds Faultline's own fields. */
    public static final String METADATA_KEY = "Faultline";

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private CloudFormationWriter() {}

    /**
     * A CloudFormation logical id for an experiment: its name in letters and digits, or
     * {@code ExperimentTemplate}.
     *
     * @param e the experiment
     * @return the logical id
     */
    public static String logicalId(Experiment e) {
        StringBuilder id = new StringBuilder();
        boolean upper = true;
        for (char c : e.name().orElse("").toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && id.length() > 0)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return id.length() == 0 ? "ExperimentTemplate" : id.substring(0, Math.min(id.length(), 200));
    }

    /**
     * The CloudFormation document as a tree.
     *
     * @param experiments the experiments by logical id
     * @return the document
     * @throws UnwritableException when a map would read as a CloudFormation intrinsic function
     *     (its only key is {@code Ref} or {@code Fn::…})
     */
    public static ObjectNode document(Map<String, Experiment> experiments) {
        return document(experiments, Map.of());
    }

    /**
     * The CloudFormation document as a tree, each experiment with the empty collections its
     * source held.
     *
     * @param experiments the experiments by logical id
     * @param layouts the source layouts by logical id; an experiment without one writes no empty collection
     * @return the document
     * @throws UnwritableException when a map would read as a CloudFormation intrinsic function
     *     (its only key is {@code Ref} or {@code Fn::…})
     */
    public static ObjectNode document(Map<String, Experiment> experiments, Map<String, SourceLayout> layouts) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("AWSTemplateFormatVersion", "2010-09-09");
        ObjectNode resources = doc.putObject("Resources");
        for (Map.Entry<String, Experiment> entry : experiments.entrySet()) {
            String id = entry.getKey();
            Experiment e = entry.getValue();
            ObjectNode fis = fisTree(e, layouts.getOrDefault(id, SourceLayout.NONE));
            ObjectNode resource = resources.putObject(id);
            resource.put("Type", TEMPLATE_TYPE);
            ObjectNode own = JsonNodeFactory.instance.objectNode();
            for (String field : new String[] {"name", "hypothesis"}) {
                if (fis.has(field)) {
                    own.set(field, fis.get(field));
                }
            }
            if (!own.isEmpty()) {
                resource.putObject("Metadata").set(METADATA_KEY, own);
            }
            ObjectNode properties = (ObjectNode) convert(strip(fis), Shape.TEMPLATE);
            if (!properties.has("Targets")) {
                properties.putObject("Targets");
            }
            resource.set("Properties", properties);
            IntrinsicLookalikes.refuse(resource, "/Resources/" + id.replace("~", "~0").replace("/", "~1"));
            int i = 0;
            for (TargetAccountConfiguration a : e.targetAccountConfigurations()) {
                ObjectNode account = resources.putObject(id + "Account" + (++i));
                account.put("Type", ACCOUNT_TYPE);
                ObjectNode p = account.putObject("Properties");
                p.putObject("ExperimentTemplateId").put("Ref", id);
                a.accountId().ifPresent(v -> p.put("AccountId", v));
                a.roleArn().ifPresent(v -> p.put("RoleArn", v));
                a.description().ifPresent(v -> p.put("Description", v));
            }
        }
        return doc;
    }

    /**
     * The document as indented JSON.
     *
     * @param experiments the experiments by logical id
     * @return the JSON text
     */
    public static String json(Map<String, Experiment> experiments) {
        return json(experiments, Map.of());
    }

    /**
     * The document as indented JSON, each experiment with the empty collections its source held.
     *
     * @param experiments the experiments by logical id
     * @param layouts the source layouts by logical id
     * @return the JSON text
     */
    public static String json(Map<String, Experiment> experiments, Map<String, SourceLayout> layouts) {
        return document(experiments, layouts).toPrettyString() + "\n";
    }

    /**
     * The document as YAML.
     *
     * @param experiments the experiments by logical id
     * @return the YAML text
     */
    public static String yaml(Map<String, Experiment> experiments) {
        return yaml(experiments, Map.of());
    }

    /**
     * The document as YAML, each experiment with the empty collections its source held.
     *
     * @param experiments the experiments by logical id
     * @param layouts the source layouts by logical id
     * @return the YAML text
     */
    public static String yaml(Map<String, Experiment> experiments, Map<String, SourceLayout> layouts) {
        try {
            return YAML.writeValueAsString(document(experiments, layouts));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The CloudFormation document could not be written as YAML: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The CreateExperimentTemplate input of an experiment as indented JSON, with the empty
     * collections its source held.
     *
     * @param e the experiment
     * @param layout the source layout
     * @return the JSON text
     */
    public static String requestJson(Experiment e, SourceLayout layout) {
        return TemplateJson.writeForFis(e, layout) + "\n";
    }

    static ObjectNode fisTree(Experiment e, SourceLayout layout) {
        try {
            return (ObjectNode) JSON.readTree(TemplateJson.write(e, layout));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException("The template JSON of the experiment could not be read back: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    private static ObjectNode strip(ObjectNode fis) {
        ObjectNode copy = fis.deepCopy();
        for (String field : new String[] {"name", "hypothesis", "targetAccountConfigurations", "id", "arn",
                "clientToken", "creationTime", "lastUpdateTime", "targetAccountConfigurationsCount"}) {
            copy.remove(field);
        }
        if (copy.get("stopConditions") instanceof ArrayNode) {
            for (JsonNode stop : copy.get("stopConditions")) {
                if (stop instanceof ObjectNode) {
                    ((ObjectNode) stop).remove(List.of("metricAlarms", "compositeAlarmName"));
                }
            }
        }
        return copy;
    }

    /** Renames the fields of a FIS tree to CloudFormation property names. */
    static JsonNode convert(JsonNode node, Shape shape) {
        switch (shape.kind) {
            case OBJECT:
                if (!node.isObject()) {
                    return node;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    out.set(shape.cfnName(f.getKey()), convert(f.getValue(), shape.child(f.getKey())));
                }
                return out;
            case MAP:
                if (!node.isObject()) {
                    return node;
                }
                ObjectNode map = JsonNodeFactory.instance.objectNode();
                node.properties().forEach(f -> map.set(f.getKey(), convert(f.getValue(), shape.element)));
                return map;
            case LIST:
                if (!node.isArray()) {
                    return node;
                }
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                node.forEach(item -> list.add(convert(item, shape.element)));
                return list;
            default:
                return node;
        }
    }
}
