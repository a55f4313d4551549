package dev.faultline.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An IAM policy document (version 2012-10-17): its statements, and its JSON as IAM takes it
 * ({@code aws iam put-role-policy --policy-document}).
 *
 * @param statements the statements, in order
 */
public record PolicyDocument(List<PolicyStatement> statements) {

    /** The policy language version. */
    public static final String VERSION = "2012-10-17";

    /**
     * Creates a document, copying the list.
     *
     * @param statements the statements
     */
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * Finds a statement by its id.
     *
     * @param sid the statement id
     * @return the statement, if there is one
     */
    public java.util.Optional<PolicyStatement> statement(String sid) {
        return statements.stream().filter(s -> s.sid().equals(sid)).findFirst();
    }

    /**
     * All IAM actions the document allows, in statement order.
     *
     * @return the actions, each once
     */
    public List<String> actions() {
        return statements.stream().flatMap(s -> s.actions().stream()).distinct().toList();
    }

    /**
     * The document as indented JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("Version", VERSION);
        ArrayNode list = doc.putArray("Statement");
        for (PolicyStatement s : statements) {
            ObjectNode o = list.addObject();
            o.put("Sid", s.sid());
            o.put("Effect", "Allow");
            if (s.principalService() != null) {
                o.putObject("Principal").put("Service", s.principalService());
            }
            if (s.actions().size() == 1) {
                o.put("Action", s.actions().get(0));
            } else {
                s.actions().forEach(o.putArray("Action")::add);
            }
            if (s.principalService() == null) {
                if (s.resources().size() == 1) {
                    o.put("Resource", s.resources().get(0));
                } else {
                    s.resources().forEach(o.putArray("Resource")::add);
                }
            }
            if (!s.conditions().isEmpty()) {
                ObjectNode c = o.putObject("Condition");
                s.conditions().forEach((op, keys) -> {
                    ObjectNode k = c.putObject(op);
                    keys.forEach((key, values) -> {
                        if (values.size() == 1) {
                            k.put(key, values.get(0));
                        } else {
                            values.forEach(k.putArray(key)::add);
                        }
                    });
                });
            }
        }
        return doc.toPrettyString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
