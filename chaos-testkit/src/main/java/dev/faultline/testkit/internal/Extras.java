package dev.faultline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The smaller parts of the FIS API: actions and target resource types from the catalog,
 * tags, target account configurations and the safety lever.
 */
public final class Extras {

    /** The id of the account's safety lever. */
    public static final String LEVER_ID = "default";

    private final Engine engine;
    private final Experiments experiments;
    private final Catalog catalog;

    /**
     * The extras of an engine.
     *
     * @param engine the engine
     * @param experiments its experiment operations (the lever stops experiments)
     */
    public Extras(Engine engine, Experiments experiments) {
        this(engine, experiments, Catalog.defaultCatalog());
    }

    /**
     * The extras of an engine, listing another catalog's actions and resource types.
     *
     * @param engine the engine
     * @param experiments its experiment operations (the lever stops experiments)
     * @param catalog what ListActions, GetAction and the resource-type calls answer
     */
    public Extras(Engine engine, Experiments experiments, Catalog catalog) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    private String actionArn(String id) {
        return "arn:aws:fis:" + engine.region + ":" + engine.account + ":action/" + id;
    }

    /**
     * ListActions.
     *
     * @param maxResults page size
     * @param nextToken page token
     * @return the answer
     */
    public ObjectNode listActions(Optional<String> maxResults, Optional<String> nextToken) {
        List<JsonNode> all = new ArrayList<>();
        for (ActionDefinition a : catalog.actions()) {
            all.add(FisJson.actionSummary(a, actionArn(a.id())));
        }
        return Paging.page(all, "actions", maxResults, nextToken, 100);
    }

    /**
     * GetAction.
     *
     * @param id the action id
     * @return the answer
     */
    public ObjectNode getAction(String id) {
        ActionDefinition a = catalog.action(id)
                .orElseThrow(() -> ApiException.notFound("Action " + id + " not found."));
        return Engine.wrap("action", FisJson.action(a, actionArn(a.id())));
    }

    /**
     * ListTargetResourceTypes.
     *
     * @param maxResults page size
     * @param nextToken page token
     * @return the answer
     */
    public ObjectNode listResourceTypes(Optional<String> maxResults, Optional<String> nextToken) {
        List<JsonNode> all = new ArrayList<>();
        for (ResourceTypeDefinition t : catalog.resourceTypes()) {
            all.add(FisJson.resourceTypeSummary(t));
        }
        return Paging.page(all, "targetResourceTypes", maxResults, nextToken, 100);
    }

    /**
     * GetTargetResourceType.
     *
     * @param type the resource type
     * @return the answer
     */
    public ObjectNode getResourceType(String type) {
        ResourceTypeDefinition t = catalog.resourceType(type)
                .orElseThrow(() -> ApiException.notFound("Target resource type " + type + " not found."));
        return Engine.wrap("targetResourceType", FisJson.resourceType(t));
    }

    // ---- tags ----

    /**
     * ListTagsForResource.
     *
     * @param arn the resource ARN
     * @return the answer
     */
    public ObjectNode listTags(String arn) {
        synchronized (engine) {
            return Engine.wrap("tags", Json.strings(tagsOf(arn)));
        }
    }

    /**
     * TagResource.
     *
     * @param arn the resource ARN
     * @param body {@code {"tags":{...}}}
     * @return the empty answer
     */
    public ObjectNode tag(String arn, JsonNode body) {
        synchronized (engine) {
            Map<String, String> tags = new LinkedHashMap<>(tagsOf(arn));
            body.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            if (tags.size() > 50) {
                throw ApiException.validation("A resource can have at most 50 tags.");
            }
            setTags(arn, tags);
            return Json.object();
        }
    }

    /**
     * UntagResource.
     *
     * @param arn the resource ARN
     * @param keys the tag keys to remove
     * @return the empty answer
     */
    public ObjectNode untag(String arn, List<String> keys) {
        synchronized (engine) {
            Map<String, String> tags = new LinkedHashMap<>(tagsOf(arn));
            keys.forEach(tags::remove);
            setTags(arn, tags);
            return Json.object();
        }
    }

    private Map<String, String> tagsOf(String arn) {
        for (StoredTemplate t : engine.templates.values()) {
            if (t.arn.equals(arn)) {
                return t.body.tags();
            }
        }
        for (ExperimentRun r : engine.runs.values()) {
            if (r.arn.equals(arn)) {
                return r.tags;
            }
        }
        if (arn.startsWith(actionArn("")) && catalog.action(arn.substring(actionArn("").length())).isPresent()) {
            return Map.of();
        }
        throw ApiException.notFound("Resource " + arn + " not found.");
    }

    private void setTags(String arn, Map<String, String> tags) {
        for (StoredTemplate t : engine.templates.values()) {
            if (t.arn.equals(arn)) {
                t.body = Experiment.builder().from(t.body).tags(tags).build();
                return;
            }
        }
        for (ExperimentRun r : engine.runs.values()) {
            if (r.arn.equals(arn)) {
                r.tags.clear();
                r.tags.putAll(tags);
                return;
            }
        }
        throw ApiException.validation("Tags cannot be changed on " + arn + ".");
    }

    // ---- target account configurations ----

    private static ObjectNode account(StoredTemplate.TargetAccount a) {
        ObjectNode o = Json.object();
        o.put("accountId", a.accountId());
        o.put("roleArn", a.roleArn());
        o.put("description", a.description());
        return o;
    }

    /**
     * Create, get, update or delete a target account configuration of a template.
     *
     * @param method POST, GET, PATCH or DELETE
     * @param templateId the template
     * @param accountId the account
     * @param body the request body
     * @return the answer
     */
    public ObjectNode targetAccount(String method, String templateId, String accountId, JsonNode body) {
        synchronized (engine) {
            StoredTemplate t = engine.template(templateId);
            StoredTemplate.TargetAccount existing = t.accounts.get(accountId);
            switch (method) {
                case "POST":
                    boolean multi = t.body.experimentOptions().flatMap(ExperimentOptions::accountTargeting)
                            .map(a -> a == AccountTargeting.MULTI_ACCOUNT).orElse(false);
                    if (!multi) {
                        throw ApiException.validation("Target account configurations need a template whose "
                                + "experimentOptions.accountTargeting is multi-account.");
                    }
                    if (accountId.length() < 12 || accountId.length() > 48) {
                        throw ApiException.validation("accountId must be 12 to 48 characters.");
                    }
                    if (existing != null) {
                        throw ApiException.conflict("Account " + accountId + " is already configured for template "
                                + templateId + ".");
                    }
                    if (t.accounts.size() >= Engine.MAX_TARGET_ACCOUNTS) {
                        throw ApiException.quota("A template can have at most " + Engine.MAX_TARGET_ACCOUNTS
                                + " target account configurations.");
                    }
                    String role = body.path("roleArn").asText("");
                    if (role.length() < 20) {
                        throw ApiException.validation("roleArn is required (20 to 2048 characters).");
                    }
                    existing = new StoredTemplate.TargetAccount(accountId, role, body.path("description").asText(""));
                    t.accounts.put(accountId, existing);
                    break;
                case "PATCH":
                    requireAccount(existing, templateId, accountId);
                    existing = new StoredTemplate.TargetAccount(accountId,
                            body.path("roleArn").asText(existing.roleArn()),
                            body.path("description").asText(existing.description()));
                    t.accounts.put(accountId, existing);
                    break;
                case "DELETE":
                    requireAccount(existing, templateId, accountId);
                    t.accounts.remove(accountId);
                    break;
                default:
                    requireAccount(existing, templateId, accountId);
                    break;
            }
            return Engine.wrap("targetAccountConfiguration", account(existing));
        }
    }

    private static void requireAccount(StoredTemplate.TargetAccount a, String templateId, String accountId) {
        if (a == null) {
            throw ApiException.notFound("Target account configuration " + accountId + " not found for template "
                    + templateId + ".");
        }
    }

    /**
     * ListTargetAccountConfigurations.
     *
     * @param templateId the template
     * @param maxResults page size
     * @param nextToken page token
     * @return the answer
     */
    public ObjectNode listTargetAccounts(String templateId, Optional<String> maxResults, Optional<String> nextToken) {
        synchronized (engine) {
            List<JsonNode> all = new ArrayList<>();
            engine.template(templateId).accounts.values().forEach(a -> all.add(account(a)));
            return Paging.page(all, "targetAccountConfigurations", maxResults, nextToken, 200);
        }
    }

    // ---- safety lever ----

    private void requireLever(String id) {
        if (!LEVER_ID.equals(id)) {
            throw ApiException.notFound("Safety lever " + id + " not found.");
        }
    }

    /**
     * GetSafetyLever.
     *
     * @param id the lever id
     * @return the answer
     */
    public ObjectNode getLever(String id) {
        synchronized (engine) {
            requireLever(id);
            return lever();
        }
    }

    /**
     * UpdateSafetyLeverState: engaging stops running experiments; while engaged, new ones
     * are cancelled.
     *
     * @param id the lever id
     * @param body {@code {"state":{"status","reason"}}}
     * @return the answer
     */
    public ObjectNode updateLever(String id, JsonNode body) {
        synchronized (engine) {
            engine.tick();
            requireLever(id);
            String status = body.path("state").path("status").asText("");
            String reason = body.path("state").path("reason").asText("");
            if (!status.equals("engaged") && !status.equals("disengaged")) {
                throw ApiException.validation("state.status must be engaged or disengaged.");
            }
            if (reason.isEmpty()) {
                throw ApiException.validation("state.reason is required.");
            }
            if (status.equals(engine.leverStatus)) {
                throw ApiException.conflict("The safety lever is already " + status + ".");
            }
            engine.leverStatus = status;
            engine.leverReason = reason;
            if (status.equals("engaged")) {
                experiments.stopAll("Experiment was stopped because the safety lever was engaged: " + reason);
            }
            return lever();
        }
    }

    private ObjectNode lever() {
        ObjectNode o = Json.object();
        o.put("id", LEVER_ID);
        o.put("arn", "arn:aws:fis:" + engine.region + ":" + engine.account + ":safety-lever/" + LEVER_ID);
        ObjectNode s = o.putObject("state");
        s.put("status", engine.leverStatus);
        s.put("reason", engine.leverReason);
        return Engine.wrap("safetyLever", o);
    }
}
