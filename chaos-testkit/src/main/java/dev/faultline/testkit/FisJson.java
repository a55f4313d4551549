package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.catalog.TargetKeyDefinition;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateMetadata;
import dev.faultline.testkit.internal.Json;
import java.util.Map;

/** Renders LocalFis's objects in the FIS wire shapes. */
final class FisJson {

    private FisJson() {}

    /** The FIS template JSON of an experiment, without Faultline's own fields. */
    static ObjectNode templateBody(Experiment e) {
        ObjectNode o = (ObjectNode) Json.parse(TemplateJson.write(e));
        o.remove("name");
        o.remove("hypothesis");
        o.remove("clientToken");
        o.remove("targetAccountConfigurations");
        return o;
    }

    static ObjectNode template(StoredTemplate t) {
        Experiment withMeta = Experiment.builder().from(t.body)
                .metadata(TemplateMetadata.builder().id(t.id).arn(t.arn).creationTime(t.creationTime)
                        .lastUpdateTime(t.lastUpdateTime).targetAccountConfigurationsCount((long) t.accounts.size())
                        .build())
                .build();
        ObjectNode o = templateBody(withMeta);
        ObjectNode options = o.has("experimentOptions") ? (ObjectNode) o.get("experimentOptions") : o.putObject("experimentOptions");
        if (!options.has("accountTargeting")) {
            options.put("accountTargeting", "single-account");
        }
        if (!options.has("emptyTargetResolutionMode")) {
            options.put("emptyTargetResolutionMode", "fail");
        }
        if (!o.has("targets")) {
            o.putObject("targets");
        }
        if (!o.has("tags")) {
            o.putObject("tags");
        }
        Json.time(o, "creationTime", t.creationTime);
        Json.time(o, "lastUpdateTime", t.lastUpdateTime);
        return o;
    }

    static ObjectNode templateSummary(StoredTemplate t) {
        ObjectNode o = Json.object();
        o.put("id", t.id);
        o.put("arn", t.arn);
        t.body.description().ifPresent(d -> o.put("description", d));
        Json.time(o, "creationTime", t.creationTime);
        Json.time(o, "lastUpdateTime", t.lastUpdateTime);
        o.set("tags", Json.strings(t.body.tags()));
        return o;
    }

    static ObjectNode experiment(ExperimentRun r, int accounts) {
        ObjectNode body = templateBody(r.template);
        ObjectNode o = Json.object();
        o.put("id", r.id);
        o.put("arn", r.arn);
        o.put("experimentTemplateId", r.templateId);
        copy(body, o, "roleArn");
        o.set("state", state(r));
        o.set("targets", body.has("targets") ? body.get("targets") : Json.object());
        ObjectNode actions = o.putObject("actions");
        JsonNode templateActions = body.path("actions");
        for (ActionRun a : r.actions.values()) {
            ObjectNode x = templateActions.has(a.name) ? ((ObjectNode) templateActions.get(a.name)).deepCopy() : Json.object();
            ObjectNode s = x.putObject("state");
            s.put("status", a.status);
            s.put("reason", a.reason);
            Json.time(x, "startTime", a.startTime);
            Json.time(x, "endTime", a.endTime);
            actions.set(a.name, x);
        }
        o.set("stopConditions", body.has("stopConditions") ? body.get("stopConditions") : Json.array());
        Json.time(o, "creationTime", r.creationTime);
        Json.time(o, "startTime", r.startTime);
        Json.time(o, "endTime", r.endTime);
        o.set("tags", Json.strings(r.tags));
        copy(body, o, "logConfiguration");
        copy(body, o, "experimentReportConfiguration");
        o.set("experimentOptions", options(r));
        o.put("targetAccountConfigurationsCount", accounts);
        return o;
    }

    static ObjectNode experimentSummary(ExperimentRun r) {
        ObjectNode o = Json.object();
        o.put("id", r.id);
        o.put("arn", r.arn);
        o.put("experimentTemplateId", r.templateId);
        o.set("state", state(r));
        Json.time(o, "creationTime", r.creationTime);
        o.set("tags", Json.strings(r.tags));
        o.set("experimentOptions", options(r));
        return o;
    }

    private static ObjectNode options(ExperimentRun r) {
        ObjectNode opts = Json.object();
        JsonNode given = templateBody(r.template).path("experimentOptions");
        opts.put("accountTargeting", given.path("accountTargeting").asText("single-account"));
        opts.put("emptyTargetResolutionMode", given.path("emptyTargetResolutionMode").asText("fail"));
        opts.put("actionsMode", r.skipAll ? "skip-all" : "run-all");
        return opts;
    }

    private static ObjectNode state(ExperimentRun r) {
        ObjectNode s = Json.object();
        s.put("status", r.status);
        s.put("reason", r.reason);
        if (r.errorCode != null) {
            ObjectNode e = s.putObject("error");
            e.put("code", r.errorCode);
            e.put("location", r.errorLocation);
        }
        return s;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    static ObjectNode actionSummary(ActionDefinition a, String arn) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("arn", arn);
        o.put("description", a.description());
        o.set("targets", targets(a.targets()));
        o.putObject("tags");
        return o;
    }

    static ObjectNode action(ActionDefinition a, String arn) {
        ObjectNode o = actionSummary(a, arn);
        ObjectNode params = Json.object();
        for (ParameterDefinition p : a.parameters().values()) {
            ObjectNode x = params.putObject(p.name());
            x.put("description", p.description());
            x.put("required", p.required());
        }
        o.set("parameters", params);
        return o;
    }

    private static ObjectNode targets(Map<String, TargetKeyDefinition> targets) {
        ObjectNode o = Json.object();
        targets.forEach((k, v) -> o.putObject(k).put("resourceType", v.resourceTypes().isEmpty() ? "" : v.resourceTypes().get(0)));
        return o;
    }

    static ObjectNode resourceTypeSummary(ResourceTypeDefinition t) {
        ObjectNode o = Json.object();
        o.put("resourceType", t.type());
        o.put("description", t.description());
        return o;
    }

    static ObjectNode resourceType(ResourceTypeDefinition t) {
        ObjectNode o = resourceTypeSummary(t);
        ObjectNode params = o.putObject("parameters");
        for (ParameterDefinition p : t.parameters().values()) {
            ObjectNode x = params.putObject(p.name());
            x.put("description", p.description());
            x.put("required", p.required());
        }
        return o;
    }
}
