package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tagging part of the FIS API: ListTagsForResource, TagResource and UntagResource on
 * templates, experiments and actions.
 */
final class TagApi {

    private final Engine engine;
    private final CatalogApi catalog;

    /**
     * The tagging API of an engine.
     *
     * @param engine the engine whose templates and experiments carry the tags
     * @param catalog the catalog API (actions are taggable resources)
     */
    public TagApi(Engine engine, CatalogApi catalog) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

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
        if (catalog.isActionArn(arn)) {
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
}
