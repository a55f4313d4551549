package dev.faultline.core.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the three catalog data files and checks them against each other. */
final class CatalogLoader {

    static final String ACTIONS_FILE = "actions.json";
    static final String RESOURCE_TYPES_FILE = "resource-types.json";
    static final String SSM_DOCUMENTS_FILE = "ssm-documents.json";
    static final int FORMAT_VERSION = 1;

    private static final Pattern TYPED_ID = Pattern.compile("aws:[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern QUOTA_CODE = Pattern.compile("L-[0-9A-F]{8}");
    private static final Pattern DOCUMENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,128}");

    private CatalogLoader() {
    }

    static Catalog load(InputStream actions, InputStream resourceTypes, InputStream ssmDocuments) {
        return load(parse(ACTIONS_FILE, actions), parse(RESOURCE_TYPES_FILE, resourceTypes),
                parse(SSM_DOCUMENTS_FILE, ssmDocuments));
    }

    /** Reads and checks the three data files, already parsed (the overlay merges into them). */
    static Catalog load(JsonNode actions, JsonNode resourceTypes, JsonNode ssmDocuments) {
        Map<String, ResourceTypeDefinition> types = readResourceTypes(root(RESOURCE_TYPES_FILE, resourceTypes, "resourceTypes"));
        Map<String, ActionDefinition> actionMap = readActions(root(ACTIONS_FILE, actions, "actions"), types);
        Map<String, SsmDocumentDefinition> documents = readSsmDocuments(root(SSM_DOCUMENTS_FILE, ssmDocuments, "documents"));
        return new Catalog(actionMap, types, documents);
    }

    /**
     * Parses one data file (or overlay) named {@code file} in errors; a JSON error says where.
     *
     * @return its tree, or {@code null} when the stream holds no document
     */
    static JsonNode parse(String file, InputStream in) {
        if (in == null) {
            throw new CatalogException(file + ": no data (the input stream is null; is the resource on the class path?)");
        }
        try {
            return JsonTree.read(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CatalogException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static DataNode root(String file, JsonNode tree, String listField) {
        DataNode root = DataNode.root(file, tree);
        root.allowOnly("formatVersion", "source", listField);
        int version = root.optionalInt("formatVersion").orElseThrow(() -> root.error("formatVersion", "required field is missing"));
        if (version != FORMAT_VERSION) {
            throw root.error("formatVersion", "unsupported format version " + version + "; this library reads " + FORMAT_VERSION);
        }
        return root;
    }

    private static Map<String, ResourceTypeDefinition> readResourceTypes(DataNode root) {
        Map<String, ResourceTypeDefinition> types = new LinkedHashMap<>();
        for (DataNode raw : root.objects("resourceTypes", true)) {
            raw.allowOnly("type", "service", "description", "describeApi", "arnFormats", "identification", "parameters",
                    "legacy", "unconfirmed");
            String type = typedId(raw, "type");
            DataNode node = raw.labelled(type);
            String service = node.text("service");
            if (!type.startsWith("aws:" + service + ":")) {
                throw node.error("service", "\"" + service + "\" is not the service part of " + type);
            }
            List<ArnFormat> formats = new ArrayList<>();
            for (DataNode format : node.objects("arnFormats", true)) {
                format.allowOnly("service", "resourcePrefix", "regional", "accountScoped");
                formats.add(new ArnFormat(format.text("service"), format.textAllowEmpty("resourcePrefix"),
                        format.bool("regional", true), format.bool("accountScoped", true)));
            }
            Identification identification = readIdentification(node.object("identification"));
            if (identification.allows(Identification.Means.ARNS) && formats.isEmpty()) {
                throw node.error("arnFormats", "a type that may be identified by ARNs needs at least one ARN format");
            }
            Map<String, ParameterDefinition> parameters = ParameterReader.readAll(node);
            if (!parameters.isEmpty() && !identification.allows(Identification.Means.PARAMETERS)) {
                throw node.error("identification.allowed", "the type has parameters, so PARAMETERS must be allowed");
            }
            ResourceTypeDefinition definition = new ResourceTypeDefinition(type, node.text("description"),
                    node.optionalText("describeApi").orElse(null), formats, parameters, identification,
                    node.bool("legacy", false), node.texts("unconfirmed"));
            if (types.putIfAbsent(type, definition) != null) {
                throw node.error("type", "duplicate resource type");
            }
        }
        return types;
    }

    private static Map<String, ActionDefinition> readActions(DataNode root, Map<String, ResourceTypeDefinition> types) {
        Map<String, ActionDefinition> actions = new LinkedHashMap<>();
        Map<String, DataNode> nodes = new LinkedHashMap<>();
        for (DataNode raw : root.objects("actions", true)) {
            raw.allowOnly("id", "description", "deprecated", "replacedBy", "targets", "identification", "parameters",
                    "durationParameter", "reversible", "reversibleOnlyWith", "permissions", "targetQuota", "quotaCode",
                    "unconfirmed");
            String id = typedId(raw, "id");
            DataNode node = raw.labelled(id);
            ActionDefinition action = readAction(node, id, types);
            if (actions.putIfAbsent(id, action) != null) {
                throw node.error("id", "duplicate action");
            }
            nodes.put(id, node);
        }
        for (ActionDefinition action : actions.values()) {
            Optional<String> replacement = action.replacedBy();
            if (replacement.isPresent() && (!actions.containsKey(replacement.get()) || replacement.get().equals(action.id()))) {
                throw nodes.get(action.id()).error("replacedBy", "names no other action: \"" + replacement.get() + "\""
                        + hint(replacement.get(), actions.keySet()));
            }
        }
        return actions;
    }

    private static ActionDefinition readAction(DataNode node, String id, Map<String, ResourceTypeDefinition> types) {
        boolean deprecated = node.bool("deprecated", false);
        Optional<String> replacedBy = node.optionalText("replacedBy");
        if (replacedBy.isPresent() && !deprecated) {
            throw node.error("replacedBy", "only a deprecated action has a replacement");
        }
        Map<String, ParameterDefinition> parameters = ParameterReader.readAll(node);
        Optional<String> durationParameter = durationParameter(node, parameters);
        boolean reversible = node.requiredBool("reversible");
        Optional<String> onlyWith = node.optionalText("reversibleOnlyWith");
        if (onlyWith.isPresent() && (!reversible || !parameters.containsKey(onlyWith.get()))) {
            throw node.error("reversibleOnlyWith", "must name a parameter of a reversible action, got \"" + onlyWith.get() + "\"");
        }
        Optional<Integer> quota = node.optionalInt("targetQuota");
        Optional<String> quotaCode = node.optionalText("quotaCode");
        checkQuota(node, quota, quotaCode);
        return ActionDefinition.builder(id)
                .description(node.text("description"))
                .deprecated(deprecated, replacedBy.orElse(null))
                .targets(readTargets(node.object("targets"), types))
                .identification(node.optionalObject("identification").map(CatalogLoader::readIdentification).orElse(null))
                .parameters(parameters)
                .durationParameter(durationParameter.orElse(null))
                .reversible(reversible, onlyWith.orElse(null))
                .permissions(permissions(node))
                .quota(quota.orElse(null), quotaCode.orElse(null))
                .unconfirmed(node.texts("unconfirmed"))
                .build();
    }

    private static Optional<String> durationParameter(DataNode node, Map<String, ParameterDefinition> parameters) {
        Optional<String> name = node.optionalText("durationParameter");
        if (name.isPresent()) {
            ParameterDefinition parameter = parameters.get(name.get());
            if (parameter == null || parameter.type() != ParameterType.DURATION) {
                throw node.error("durationParameter", "\"" + name.get() + "\" is not a duration parameter of the action"
                        + hint(name.get(), parameters.keySet()));
            }
            return Optional.of(parameter.name()); // the parameter's own, interned, name
        }
        return name;
    }

    private static List<String> permissions(DataNode node) {
        List<String> permissions = node.texts("permissions");
        for (String permission : permissions) {
            if (!IAM_ACTION.matcher(permission).matches()) {
                throw node.error("permissions", "\"" + permission + "\" is not an IAM action such as ec2:StopInstances");
            }
        }
        return permissions;
    }

    private static void checkQuota(DataNode node, Optional<Integer> quota, Optional<String> quotaCode) {
        if (quota.isPresent() && (quota.get() < 1 || quotaCode.isEmpty())) {
            throw node.error("targetQuota", "must be at least 1 and come with a quotaCode");
        }
        if (quotaCode.isPresent() && !QUOTA_CODE.matcher(quotaCode.get()).matches()) {
            throw node.error("quotaCode", "\"" + quotaCode.get() + "\" is not a Service Quotas code such as L-3F98B425");
        }
    }

    private static Map<String, TargetKeyDefinition> readTargets(DataNode node, Map<String, ResourceTypeDefinition> types) {
        Map<String, TargetKeyDefinition> targets = new LinkedHashMap<>();
        for (String key : node.fieldNames()) {
            List<String> accepted = node.texts(key);
            if (accepted.isEmpty()) {
                throw node.error(key, "a target key needs at least one resource type");
            }
            for (String type : accepted) {
                if (!types.containsKey(type)) {
                    throw node.error(key, "unknown resource type \"" + type + "\"" + hint(type, types.keySet()));
                }
            }
            targets.put(key, new TargetKeyDefinition(key, accepted));
        }
        return targets;
    }

    private static Identification readIdentification(DataNode node) {
        node.allowOnly("allowed", "minArns", "maxArns");
        List<Identification.Means> allowed = new ArrayList<>();
        for (String means : node.texts("allowed")) {
            try {
                allowed.add(Identification.Means.valueOf(means));
            } catch (IllegalArgumentException e) {
                throw node.error("allowed", "unknown means \"" + means + "\"; expected ARNS, TAGS, FILTERS or PARAMETERS");
            }
        }
        if (allowed.isEmpty()) {
            throw node.error("allowed", "at least one means of identification is needed");
        }
        Identification defaults = Identification.of(allowed);
        try {
            return new Identification(defaults.allowed(), node.optionalInt("minArns").orElse(0),
                    node.optionalInt("maxArns").orElse(defaults.maxArns()));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Map<String, SsmDocumentDefinition> readSsmDocuments(DataNode root) {
        Map<String, SsmDocumentDefinition> documents = new LinkedHashMap<>();
        for (DataNode raw : root.objects("documents", true)) {
            raw.allowOnly("name", "description", "ecsOnly", "parametersKnown", "parameters", "dependencies",
                    "extraPermissions", "reversible", "notes");
            String name = raw.text("name");
            if (!DOCUMENT_NAME.matcher(name).matches()) {
                throw raw.error("name", "\"" + name + "\" is not an SSM document name");
            }
            DataNode node = raw.labelled(name);
            boolean parametersKnown = node.bool("parametersKnown", true);
            Map<String, ParameterDefinition> parameters = ParameterReader.readAll(node);
            if (!parametersKnown && !parameters.isEmpty()) {
                throw node.error("parameters", "must be empty when parametersKnown is false");
            }
            SsmDocumentDefinition document = new SsmDocumentDefinition(name, node.text("description"), parameters,
                    node.texts("dependencies"), node.texts("extraPermissions"), node.bool("ecsOnly", false),
                    parametersKnown, node.requiredBool("reversible"), node.texts("notes"));
            if (documents.putIfAbsent(name, document) != null) {
                throw node.error("name", "duplicate document");
            }
        }
        return documents;
    }

    private static String typedId(DataNode node, String field) {
        String id = node.text(field);
        if (!TYPED_ID.matcher(id).matches()) {
            throw node.error(field, "\"" + id + "\" does not have the form aws:<service>:<name>");
        }
        return id.intern(); // as the template reader interns a template's action ids and resource types: lookups compare references
    }

    private static String hint(String input, Collection<String> candidates) {
        return Suggestions.best(input, candidates).map(best -> "; did you mean \"" + best + "\"?").orElse("");
    }
}
