package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.SsmDocumentDefinition;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog rule for the {@code documentParameters} of an {@code AWSFIS-Run-*} SSM document:
 * a JSON object whose names the document knows, whose values its parameter definitions accept,
 * and which holds every parameter the document requires. Part of {@link CatalogRules}.
 */
final class DocumentParameterRules {

    private DocumentParameterRules() {}

    /** The {@code documentParameters} of an {@code AWSFIS-Run-*} document, checked against the catalog. */
    /**
     * Checks the {@code documentParameters} of an action that names a {@code documentArn}.
     *
     * @param a the action
     * @param catalog the catalog that knows the documents
     * @param pat the action's path
     * @param out where violations go
     */
    static void check(Action a, Catalog catalog, JsonPointer pat, List<Violation> out) {
        String arn = a.parameters().get("documentArn");
        String parameters = a.parameters().get("documentParameters");
        if (arn == null) {
            return;
        }
        Optional<SsmDocumentDefinition> doc = catalog.ssmDocument(arn);
        String path = append(pat, "documentParameters").toString();
        JsonNode tree = null;
        if (parameters != null) {
            try {
                tree = Mapper.JSON.readTree(parameters);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                out.add(Violation.error(ViolationCode.PARAMETER_DOCUMENT_JSON_FORMAT, path, "documentParameters is not valid JSON: "
                        + ex.getOriginalMessage(), "Write a JSON object, as a string."));
                return;
            }
            if (tree == null || !tree.isObject()) {
                out.add(Violation.error(ViolationCode.PARAMETER_DOCUMENT_JSON_FORMAT, path, "documentParameters must be a JSON object.",
                        "Write {\"Name\": \"value\", …} as a string."));
                return;
            }
        }
        if (doc.isEmpty() || !doc.get().parametersKnown()) {
            return;
        }
        SsmDocumentDefinition d = doc.get();
        if (tree != null) {
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                Optional<ParameterDefinition> pdef = d.parameter(field.getKey());
                if (pdef.isEmpty()) {
                    List<String> near = Suggestions.nearest(field.getKey(), d.parameters().keySet(), 1);
                    out.add(Violation.error(ViolationCode.PARAMETER_DOCUMENT_UNKNOWN, path, d.name() + " has no parameter '"
                                    + field.getKey() + "'.",
                            near.isEmpty() ? "Its parameters are " + String.join(", ", d.parameters().keySet()) + "."
                                    : "Did you mean '" + near.get(0) + "'?"));
                } else if (field.getValue().isValueNode()) {
                    ParameterChecks.check(pdef.get(), field.getValue().asText(), pat, "documentParameters", ParameterCodes.DOCUMENT, out);
                }
            }
        }
        for (String required : d.requiredParameterNames()) {
            if (tree == null || !tree.has(required)) {
                out.add(Violation.error(ViolationCode.PARAMETER_DOCUMENT_MISSING, path, d.name() + " requires the parameter '"
                        + required + "'.", "Add \"" + required + "\" to documentParameters."));
            }
        }
    }

    /**
     * The mapper that reads {@code documentParameters}, made on first use: creating an
     * {@code ObjectMapper} initialises most of jackson-databind, which a template without
     * {@code documentParameters} does not need.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
