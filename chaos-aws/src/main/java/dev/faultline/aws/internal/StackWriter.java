package dev.faultline.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a deployable CloudFormation stack: the experiment templates of {@link CloudFormationWriter},
 * optionally each with its execution role ({@code AWS::IAM::Role}) and with CloudWatch alarms for
 * its metric stop conditions, and every sample placeholder turned into a pseudo-parameter or a
 * template parameter ({@link StackPlaceholders}).
 */
public final class StackWriter {

    /** The suffix of an execution role's logical id. */
    public static final String ROLE_SUFFIX = "Role";

    private StackWriter() {}

    /**
     * The stack as a tree.
     *
     * @param experiments the experiments by logical id
     * @param withRole whether to add each experiment's execution role and point the template at it
     * @param withAlarms whether to add the alarms of each metric stop condition and point the template at them
     * @param permissions the JSON of an experiment's least-privilege permissions policy, for its role
     * @param layouts the source layouts by logical id (the empty collections each source held)
     * @return the document
     */
    public static ObjectNode document(Map<String, Experiment> experiments, boolean withRole, boolean withAlarms,
            Function<Experiment, String> permissions, Map<String, SourceLayout> layouts) {
        ObjectNode doc = CloudFormationWriter.document(experiments, layouts);
        ObjectNode resources = (ObjectNode) doc.get("Resources");
        for (Map.Entry<String, Experiment> entry : experiments.entrySet()) {
            String id = entry.getKey();
            ObjectNode properties = (ObjectNode) resources.get(id).get("Properties");
            if (withAlarms) {
                MetricAlarms.addTo(resources, id, entry.getValue(), properties);
            }
            if (withRole) {
                resources.set(id + ROLE_SUFFIX, role(entry.getValue(), id, permissions));
                ObjectNode getAtt = properties.putObject("RoleArn");
                getAtt.putArray("Fn::GetAtt").add(id + ROLE_SUFFIX).add("Arn");
            }
        }
        StackPlaceholders placeholders = new StackPlaceholders();
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            ObjectNode resource = (ObjectNode) resources.get(id);
            resource.set("Properties", placeholders.rewrite(resource.get("Properties")));
        }
        if (!placeholders.parameters().isEmpty()) {
            ObjectNode parameters = JsonNodeFactory.instance.objectNode();
            placeholders.parameters().forEach((name, placeholder) -> {
                ObjectNode p = parameters.putObject(name);
                p.put("Type", "String");
                p.put("Description", "The value of " + placeholder + " in the experiment template.");
            });
            ObjectNode ordered = JsonNodeFactory.instance.objectNode();
            ordered.set("AWSTemplateFormatVersion", doc.get("AWSTemplateFormatVersion"));
            ordered.set("Parameters", parameters);
            ordered.set("Resources", resources);
            return ordered;
        }
        return doc;
    }

    /** The execution role: FIS may assume it for this account's experiments; the least privilege the actions need. */
    private static ObjectNode role(Experiment experiment, String id, Function<Experiment, String> permissions) {
        ObjectNode role = JsonNodeFactory.instance.objectNode();
        role.put("Type", "AWS::IAM::Role");
        ObjectNode p = role.putObject("Properties");
        p.put("Description", "The execution role of the FIS experiment template " + id + ", least privilege.");
        p.set("AssumeRolePolicyDocument", trustPolicy());
        ObjectNode inline = p.putArray("Policies").addObject();
        inline.put("PolicyName", id + "Permissions");
        inline.set("PolicyDocument", tree(permissions.apply(experiment)));
        return role;
    }

    private static ObjectNode trustPolicy() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("Version", "2012-10-17");
        ObjectNode s = doc.putArray("Statement").addObject();
        s.put("Sid", "AllowFisToAssumeTheRole");
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", "fis.amazonaws.com");
        s.put("Action", "sts:AssumeRole");
        ObjectNode condition = s.putObject("Condition");
        condition.putObject("StringEquals").putObject("aws:SourceAccount").put("Ref", "AWS::AccountId");
        condition.putObject("ArnLike").putObject("aws:SourceArn")
                .put("Fn::Sub", "arn:${AWS::Partition}:fis:${AWS::Region}:${AWS::AccountId}:experiment/*");
        return doc;
    }

    /**
     * The stack as indented JSON.
     *
     * @param document the stack
     * @return the JSON text
     */
    public static String json(ObjectNode document) {
        return document.toPrettyString() + "\n";
    }

    /**
     * The stack as YAML.
     *
     * @param document the stack
     * @return the YAML text
     */
    public static String yaml(ObjectNode document) {
        try {
            return CloudFormationWriter.YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return CloudFormationWriter.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
