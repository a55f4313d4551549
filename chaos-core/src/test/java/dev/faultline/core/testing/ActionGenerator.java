package dev.faultline.core.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.ArnFormat;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.Identification;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.catalog.SsmDocumentDefinition;
import dev.faultline.core.catalog.TargetKeyDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the actions of one experiment from the catalog, and the targets they act on: each
 * action's target keys point at targets of a resource type the key accepts, identified as the
 * resource type and the action allow (ARNs of the right shape, or tags with filters, or
 * resource-type parameters); parameters take valid values, conditional ones included; startAfter
 * names only earlier actions, so the graph has no cycle.
 */
final class ActionGenerator {

    private static final List<String> PARTITIONS = List.of("aws", "aws", "aws", "aws-cn", "aws-us-gov");
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-northeast-2", "us-gov-west-1",
            "cn-north-1");
    private static final List<String> FILTER_PATHS = List.of("State.Name", "Placement.AvailabilityZone",
            "InstanceType", "VpcId", "Status", "Engine", "Tenancy.Ωmega");
    private static final String SEND_COMMAND = "aws:ssm:send-command";
    private static final String AUTOMATION = "aws:ssm:start-automation-execution";

    private final Catalog catalog;
    private final SplittableRandom random;
    private final RandomText text;
    private final ParameterValueGenerator values;
    private final List<ActionDefinition> definitions;
    private final List<SsmDocumentDefinition> documents = new ArrayList<>();
    private final Map<String, TemplateTarget> targets = new LinkedHashMap<>();
    private final Map<String, String> shareableTypes = new LinkedHashMap<>();
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    ActionGenerator(Catalog catalog, SplittableRandom random, RandomText text) {
        this.catalog = catalog;
        this.random = random;
        this.text = text;
        this.values = new ParameterValueGenerator(random, text);
        this.definitions = List.copyOf(catalog.actions());
        for (SsmDocumentDefinition d : catalog.ssmDocuments()) {
            if (d.parametersKnown() && !d.ecsOnly()) {
                documents.add(d);
            }
        }
    }

    /** Generates {@code count} actions and their targets. */
    void generate(int count) {
        for (int i = 0; i < count; i++) {
            ActionDefinition def = definitions.get(random.nextInt(definitions.size()));
            actions.put(uniqueName(), action(def));
        }
    }

    Map<String, TemplateTarget> targets() {
        return targets;
    }

    Map<String, Action> actions() {
        return actions;
    }

    /** A name of 1 to 24 code points, unique among the targets and actions of this experiment. */
    String uniqueName() {
        String name = text.name(24);
        while (!names.add(name)) {
            name = text.name(24);
        }
        return name;
    }

    private Action action(ActionDefinition def) {
        Action.Builder b = Action.builder().actionId(def.id());
        if (random.nextInt(3) == 0) {
            b.description(text.any(0, 60));
        }
        b.parameters(parameters(def));
        for (TargetKeyDefinition key : def.targets().values()) {
            b.putTarget(key.key(), target(key, def));
        }
        List<String> earlier = new ArrayList<>(actions.keySet());
        int after = random.nextInt(Math.min(3, earlier.size()) + 1);
        for (int i = 0; i < after; i++) {
            b.addStartAfter(earlier.remove(random.nextInt(earlier.size())));
        }
        return b.build();
    }

    private Map<String, String> parameters(ActionDefinition def) {
        Map<String, String> p = new LinkedHashMap<>();
        for (ParameterDefinition pdef : def.parameters().values()) {
            if (pdef.required() || random.nextBoolean()) {
                p.put(pdef.name(), values.value(pdef, false));
            }
        }
        for (ParameterDefinition pdef : def.parameters().values()) {
            if (!p.containsKey(pdef.name())
                    && pdef.requiredWhen().filter(c -> c.isMachineCheckable() && c.appliesTo(p)).isPresent()) {
                p.put(pdef.name(), values.value(pdef, false));
            }
        }
        if (SEND_COMMAND.equals(def.id()) && !documents.isEmpty()) {
            document(p);
        } else if (AUTOMATION.equals(def.id())) {
            p.put("documentArn", "arn:aws:ssm:us-east-1:123456789012:document/FisRunbook-" + text.word(1, 10));
            p.remove("documentParameters");
        }
        return p;
    }

    /** A catalogued AWSFIS-Run document with its required parameters and some optional ones. */
    private void document(Map<String, String> p) {
        SsmDocumentDefinition doc = documents.get(random.nextInt(documents.size()));
        p.put("documentArn", "arn:aws:ssm:" + REGIONS.get(random.nextInt(REGIONS.size())) + "::document/" + doc.name());
        StringBuilder json = new StringBuilder("{");
        for (ParameterDefinition pdef : doc.parameters().values()) {
            if (pdef.required() || random.nextBoolean()) {
                json.append(json.length() > 1 ? "," : "").append('"').append(pdef.name()).append("\":\"")
                        .append(JsonStringEncoder.getInstance().quoteAsString(values.value(pdef, false))).append('"');
            }
        }
        p.put("documentParameters", json.append('}').toString());
    }

    private String target(TargetKeyDefinition key, ActionDefinition def) {
        if (def.identification().isEmpty() && random.nextInt(3) == 0) {
            List<String> shared = new ArrayList<>();
            shareableTypes.forEach((name, type) -> {
                if (key.accepts(type)) {
                    shared.add(name);
                }
            });
            if (!shared.isEmpty()) {
                return shared.get(random.nextInt(shared.size()));
            }
        }
        String type = key.resourceTypes().get(random.nextInt(key.resourceTypes().size()));
        ResourceTypeDefinition r = catalog.resourceType(type)
                .orElseThrow(() -> new IllegalStateException("catalog lacks resource type " + type));
        Identification id = def.identification().map(r.identification()::narrowedBy).orElse(r.identification());
        String name = uniqueName();
        targets.put(name, target(r, id));
        if (def.identification().isEmpty()) {
            shareableTypes.put(name, type);
        }
        return name;
    }

    private TemplateTarget target(ResourceTypeDefinition r, Identification id) {
        TemplateTarget.Builder b = TemplateTarget.builder().resourceType(r.type()).selectionMode(selectionMode());
        boolean tags = id.allows(Identification.Means.TAGS);
        boolean params = id.allows(Identification.Means.PARAMETERS) && !r.parameters().isEmpty();
        boolean arns = id.allows(Identification.Means.ARNS) && !r.arnFormats().isEmpty()
                && (!tags || random.nextInt(3) == 0);
        if (arns) {
            int n = Math.max(1, id.minArns()) + random.nextInt(id.maxArns() - Math.max(1, id.minArns()) + 1);
            for (int i = 0; i < n; i++) {
                b.addResourceArn(arn(r.arnFormats().get(random.nextInt(r.arnFormats().size()))));
            }
        } else if (tags) {
            tagsAndFilters(b, id.allows(Identification.Means.FILTERS));
        }
        if (params) {
            Map<String, String> p = new LinkedHashMap<>();
            for (ParameterDefinition pdef : r.parameters().values()) {
                if (pdef.required() || random.nextInt(3) == 0 || !arns && !tags && p.isEmpty()) {
                    p.put(pdef.name(), values.value(pdef, true));
                }
            }
            b.parameters(p);
        }
        return b.build();
    }

    private void tagsAndFilters(TemplateTarget.Builder b, boolean filters) {
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.putResourceTag(tagKey(), text.any(0, 30));
        }
        int f = filters ? random.nextInt(3) : 0;
        for (int i = 0; i < f; i++) {
            Filter.Builder filter = Filter.builder().path(FILTER_PATHS.get(random.nextInt(FILTER_PATHS.size())));
            int v = 1 + random.nextInt(3);
            for (int j = 0; j < v; j++) {
                filter.addValue(text.any(0, 40));
            }
            b.addFilter(filter.build());
        }
    }

    /** A tag key FIS accepts: 1 to 128 code points, not starting with {@code aws:}. */
    String tagKey() {
        String key = text.name(30);
        return key.startsWith("aws:") ? "x" + key : key;
    }

    SelectionMode selectionMode() {
        switch (random.nextInt(3)) {
            case 0:
                return SelectionMode.all();
            case 1:
                return SelectionMode.count(1 + random.nextInt(20));
            default:
                return SelectionMode.percent(1 + random.nextInt(100));
        }
    }

    /** An ARN of the given shape, in a random partition, Region and account. */
    String arn(ArnFormat f) {
        String region = f.regional() ? REGIONS.get(random.nextInt(REGIONS.size())) : "";
        String account = f.accountScoped() ? account() : "";
        return "arn:" + PARTITIONS.get(random.nextInt(PARTITIONS.size())) + ":" + f.service() + ":" + region + ":"
                + account + ":" + f.resourcePrefix() + text.word(8, 20);
    }

    /** A 12-digit account ID. */
    String account() {
        return String.format("%012d", random.nextLong(1_000_000_000_000L));
    }
}
