package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.testkit.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog part of the FIS API: ListActions, GetAction, ListTargetResourceTypes and
 * GetTargetResourceType, answered from chaos-core's catalog.
 */
final class CatalogApi {

    private final Engine engine;
    private final Catalog catalog;

    /**
     * The catalog API of an engine, answering from chaos-core's built-in catalog.
     *
     * @param engine the engine (its account and Region make the ARNs)
     */
    public CatalogApi(Engine engine) {
        this(engine, Catalog.defaultCatalog());
    }

    /**
     * The catalog API of an engine, listing another catalog's actions and resource types.
     *
     * @param engine the engine (its account and Region make the ARNs)
     * @param catalog what ListActions, GetAction and the resource-type calls answer
     */
    public CatalogApi(Engine engine, Catalog catalog) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The ARN FIS gives an action.
     *
     * @param id the action id
     * @return the ARN
     */
    String actionArn(String id) {
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

    /**
     * Tells whether an ARN names an action of the catalog (actions can be tagged, with no tags kept).
     *
     * @param arn the ARN
     * @return whether it is an action's ARN
     */
    boolean isActionArn(String arn) {
        return arn.startsWith(actionArn("")) && catalog.action(arn.substring(actionArn("").length())).isPresent();
    }
}
