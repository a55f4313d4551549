package dev.faultline.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.TargetKeyDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.Action;
import software.amazon.awssdk.services.fis.model.ActionParameter;
import software.amazon.awssdk.services.fis.model.ActionSummary;
import software.amazon.awssdk.services.fis.model.ListActionsRequest;
import software.amazon.awssdk.services.fis.model.ListTargetResourceTypesRequest;
import software.amazon.awssdk.services.fis.model.TargetResourceTypeParameter;
import software.amazon.awssdk.services.fis.model.TargetResourceTypeSummary;

/**
 * How a catalog differs from what a FIS endpoint lists ({@code ListActions}, {@code GetAction},
 * {@code ListTargetResourceTypes}, {@code GetTargetResourceType}): actions and resource types the
 * service has and the catalog lacks, or the other way round, per action the parameters added,
 * removed or changed (required or not) and the target keys that differ, and per resource type
 * both list the parameters added, removed or changed. {@link #overlayJson()} writes what the
 * service knows and the catalog does not as a catalog overlay in the catalog's own data format.
 *
 * <pre>{@code
 * CatalogDrift drift = CatalogDrift.compare(fis, Catalog.defaultCatalog()).join();
 * drift.lines().forEach(System.out::println);
 * Files.writeString(Path.of("overlay.json"), drift.overlayJson());
 * }</pre>
 *
 * <p>Immutable.
 */
public final class CatalogDrift {

    private final List<String> lines;
    private final ObjectNode overlay;

    private CatalogDrift(List<String> lines, ObjectNode overlay) {
        this.lines = List.copyOf(lines);
        this.overlay = overlay;
    }

    /**
     * Compares a catalog with what a FIS endpoint lists.
     *
     * @param fis the FIS client (real FIS or LocalFis)
     * @param catalog the catalog
     * @return the drift, or a future failed with the SDK's exception
     */
    public static CompletableFuture<CatalogDrift> compare(FisAsyncClient fis, Catalog catalog) {
        Objects.requireNonNull(fis, "fis");
        Objects.requireNonNull(catalog, "catalog");
        CompletableFuture<List<Action>> actions = collectActions(fis);
        CompletableFuture<Set<String>> types = new CompletableFuture<>();
        Set<String> found = Collections.synchronizedSet(new TreeSet<>());
        fis.listTargetResourceTypesPaginator(ListTargetResourceTypesRequest.builder().build()).targetResourceTypes()
                .subscribe((TargetResourceTypeSummary t) -> found.add(t.resourceType()))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        types.completeExceptionally(e);
                    } else {
                        types.complete(found);
                    }
                });
        CompletableFuture<Map<String, Map<String, TargetResourceTypeParameter>>> typeParameters =
                types.thenCompose(t -> typeParameters(fis, t, catalog));
        return actions.thenCompose(a -> types.thenCombine(typeParameters, (t, p) -> of(a, t, p, catalog)));
    }

    /** The parameters of every resource type both the service and the catalog list ({@code GetTargetResourceType}). */
    private static CompletableFuture<Map<String, Map<String, TargetResourceTypeParameter>>> typeParameters(
            FisAsyncClient fis, Set<String> serviceTypes, Catalog catalog) {
        Map<String, CompletableFuture<Map<String, TargetResourceTypeParameter>>> gets = new TreeMap<>();
        for (String type : serviceTypes) {
            if (catalog.resourceType(type).isPresent()) {
                gets.put(type, fis.getTargetResourceType(b -> b.resourceType(type)).thenApply(r ->
                        r.targetResourceType() == null || r.targetResourceType().parameters() == null ? Map.of()
                                : r.targetResourceType().parameters()));
            }
        }
        return CompletableFuture.allOf(gets.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Map<String, TargetResourceTypeParameter>> out = new TreeMap<>();
            gets.forEach((type, f) -> out.put(type, f.join()));
            return out;
        });
    }

    private static CompletableFuture<List<Action>> collectActions(FisAsyncClient fis) {
        List<ActionSummary> summaries = Collections.synchronizedList(new ArrayList<>());
        return fis.listActionsPaginator(ListActionsRequest.builder().build()).actions().subscribe(summaries::add)
                .thenCompose(v -> {
                    List<CompletableFuture<Action>> gets = new ArrayList<>();
                    for (ActionSummary s : summaries) {
                        gets.add(fis.getAction(b -> b.id(s.id())).thenApply(r -> r.action()));
                    }
                    return CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new))
                            .thenApply(x -> gets.stream().map(CompletableFuture::join).collect(Collectors.toList()));
                });
    }

    static CatalogDrift of(List<Action> service, Set<String> serviceTypes,
            Map<String, Map<String, TargetResourceTypeParameter>> typeParameters, Catalog catalog) {
        List<String> lines = new ArrayList<>();
        ObjectNode overlay = JsonNodeFactory.instance.objectNode();
        overlay.put("formatVersion", 1);
        overlay.put("source", "faultline catalog diff: what the service lists and the catalog lacks or has otherwise");
        ArrayNode overlayActions = overlay.putArray("actions");
        Map<String, Action> byId = new TreeMap<>();
        service.forEach(a -> byId.put(a.id(), a));
        for (Action a : byId.values()) {
            ActionDefinition known = catalog.action(a.id()).orElse(null);
            if (known == null) {
                lines.add("action added: " + a.id());
                overlayActions.add(overlayAction(a, null));
                continue;
            }
            List<String> changes = parameterChanges(a, known);
            if (!targetsMatch(a, known)) {
                changes.add("targets " + targets(known) + " -> " + targets(a));
            }
            if (!changes.isEmpty()) {
                changes.forEach(c -> lines.add("action changed: " + a.id() + ": " + c));
                overlayActions.add(overlayAction(a, known));
            }
        }
        for (String id : new TreeSet<>(catalog.actionIds())) {
            if (!byId.containsKey(id)) {
                lines.add("action removed: " + id + " (in the catalog, not listed by the service)");
            }
        }
        Set<String> catalogTypes = catalog.resourceTypes().stream().map(t -> t.type())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String t : serviceTypes) {
            if (!catalogTypes.contains(t)) {
                lines.add("resource type added: " + t);
            }
        }
        for (String t : catalogTypes) {
            if (!serviceTypes.contains(t)) {
                lines.add("resource type removed: " + t + " (in the catalog, not listed by the service)");
            }
        }
        typeParameters.forEach((type, parameters) -> catalog.resourceType(type).ifPresent(known ->
                typeParameterChanges(parameters, known.parameters()).forEach(c ->
                        lines.add("resource type changed: " + type + ": " + c))));
        return new CatalogDrift(lines, overlay);
    }

    private static List<String> typeParameterChanges(Map<String, TargetResourceTypeParameter> service,
            Map<String, ParameterDefinition> known) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, TargetResourceTypeParameter> p : new TreeMap<>(service).entrySet()) {
            ParameterDefinition mine = known.get(p.getKey());
            boolean required = Boolean.TRUE.equals(p.getValue().required());
            if (mine == null) {
                changes.add("parameter added: " + p.getKey() + (required ? " (required)" : ""));
            } else if (mine.required() != required) {
                changes.add("parameter changed: " + p.getKey() + " is " + (required ? "required" : "optional"));
            }
        }
        for (String name : new TreeSet<>(known.keySet())) {
            if (!service.containsKey(name)) {
                changes.add("parameter removed: " + name);
            }
        }
        return changes;
    }

    private static List<String> parameterChanges(Action a, ActionDefinition known) {
        List<String> changes = new ArrayList<>();
        Map<String, ActionParameter> service = a.parameters() == null ? Map.of() : a.parameters();
        for (Map.Entry<String, ActionParameter> p : new TreeMap<>(service).entrySet()) {
            ParameterDefinition mine = known.parameters().get(p.getKey());
            boolean required = Boolean.TRUE.equals(p.getValue().required());
            if (mine == null) {
                changes.add("parameter added: " + p.getKey() + (required ? " (required)" : ""));
            } else if (mine.required() != required) {
                changes.add("parameter changed: " + p.getKey() + " is " + (required ? "required" : "optional"));
            }
        }
        for (String name : new TreeSet<>(known.parameters().keySet())) {
            if (!service.containsKey(name)) {
                changes.add("parameter removed: " + name);
            }
        }
        return changes;
    }

    private static boolean targetsMatch(Action a, ActionDefinition known) {
        Map<String, String> service = targets(a);
        if (!service.keySet().equals(new TreeSet<>(known.targets().keySet()))) {
            return false;
        }
        return service.entrySet().stream().allMatch(e -> e.getValue().isEmpty()
                || known.targets().get(e.getKey()).accepts(e.getValue()));
    }

    private static Map<String, String> targets(Action a) {
        Map<String, String> out = new TreeMap<>();
        if (a.targets() != null) {
            a.targets().forEach((k, v) -> out.put(k, v.resourceType()));
        }
        return out;
    }

    private static Map<String, String> targets(ActionDefinition a) {
        Map<String, String> out = new TreeMap<>();
        for (TargetKeyDefinition t : a.targets().values()) {
            out.put(t.key(), String.join("|", t.resourceTypes()));
        }
        return out;
    }

    /** The service's action in the catalog's data format; types and reversibility from the catalog where it knows them. */
    private static ObjectNode overlayAction(Action a, ActionDefinition known) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", a.id());
        n.put("description", a.description() != null ? a.description() : known != null ? known.description() : a.id());
        ObjectNode targets = n.putObject("targets");
        targets(a).forEach((key, type) -> targets.putArray(key).add(type));
        ArrayNode parameters = n.putArray("parameters");
        Map<String, ActionParameter> service = a.parameters() == null ? Map.of() : a.parameters();
        for (Map.Entry<String, ActionParameter> p : new TreeMap<>(service).entrySet()) {
            ParameterDefinition mine = known == null ? null : known.parameters().get(p.getKey());
            ObjectNode o = parameters.addObject();
            o.put("name", p.getKey());
            o.put("type", mine == null ? "string" : mine.type().name().toLowerCase(Locale.ROOT));
            o.put("required", Boolean.TRUE.equals(p.getValue().required()));
            String description = p.getValue().description();
            o.put("description", description != null ? description : mine != null ? mine.description() : p.getKey());
            if (mine != null) {
                constraints(o, mine);
                if (mine.appliesOnlyWith().filter(service::containsKey).isEmpty()) {
                    o.remove("appliesOnlyWith");   // it names a parameter the service no longer lists
                }
            }
        }
        // unknown to the catalog: assume the worst (irreversible) until someone checks
        n.put("reversible", known != null && known.reversible());
        ArrayNode permissions = n.putArray("permissions");
        if (known != null) {
            known.permissions().forEach(permissions::add);
        }
        return n;
    }

    /** The constraints the catalog knows for a parameter the service also lists, in the catalog's field names. */
    private static void constraints(ObjectNode o, ParameterDefinition p) {
        p.defaultValue().ifPresent(v -> o.put("default", v));
        p.min().ifPresent(v -> o.put("min", v));
        p.max().ifPresent(v -> o.put("max", v));
        if (!p.enumValues().isEmpty()) {
            p.enumValues().forEach(o.putArray("values")::add);
        }
        p.durationMin().ifPresent(v -> o.put("durationMin", v.toString()));
        p.durationMax().ifPresent(v -> o.put("durationMax", v.toString()));
        if (!p.itemValues().isEmpty()) {
            p.itemValues().forEach(o.putArray("itemValues")::add);
        }
        p.maxItems().ifPresent(v -> o.put("maxItems", v));
        p.appliesOnlyWith().ifPresent(v -> o.put("appliesOnlyWith", v));
    }

    /**
     * The differences, one line each ({@code action added: aws:x:y}, {@code action changed: …: parameter removed: p}).
     *
     * @return the lines, empty when the catalog matches the service
     */
    public List<String> lines() {
        return lines;
    }

    /**
     * Tells whether the catalog matches the service.
     *
     * @return true when there is no difference
     */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * The actions the service lists and the catalog lacks or describes otherwise, as a catalog
     * overlay in the catalog's data format ({@code formatVersion}, {@code actions}; resource types
     * that differ are in {@link #lines()} only, their definition needs ARN formats and an
     * identification API the service does not give); parameter
     * types the service does not give are {@code string}, and an action new to the catalog is
     * marked irreversible with no permissions until a person checks it.
     *
     * @return the overlay JSON
     */
    public String overlayJson() {
        return overlay.toPrettyString() + "\n";
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
