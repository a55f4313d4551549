package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Request;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Maps FIS REST requests (fis-api.md §1) to the engine's operations. */
final class FisRouter {

    private final Engine engine;
    private final Experiments experiments;
    private final CatalogApi catalog;
    private final TagApi tags;
    private final TargetAccountApi accounts;
    private final SafetyLeverApi lever;

    /**
     * A router over an engine.
     *
     * @param engine the engine
     * @param experiments the experiment operations
     * @param lever the account's safety lever
     */
    public FisRouter(Engine engine, Experiments experiments, SafetyLeverApi lever) {
        this(engine, experiments, lever, new CatalogApi(engine));
    }

    /**
     * A router over an engine, answering the catalog calls from the given catalog API.
     *
     * @param engine the engine
     * @param experiments the experiment operations
     * @param lever the account's safety lever
     * @param catalog the catalog calls' answers
     */
    public FisRouter(Engine engine, Experiments experiments, SafetyLeverApi lever, CatalogApi catalog) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.lever = Objects.requireNonNull(lever, "lever");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tags = new TagApi(engine, catalog);
        this.accounts = new TargetAccountApi(engine);
    }

    /**
     * Answers one request.
     *
     * @param r the request
     * @return the JSON answer (HTTP 200)
     * @throws ApiException for an error answer
     */
    public JsonNode route(Request r) {
        List<String> s = r.segments();
        String m = r.method();
        if (s.isEmpty()) {
            throw unknown(r);
        }
        Optional<String> max = r.param("maxResults");
        Optional<String> next = r.param("nextToken");
        switch (s.get(0)) {
            case "experimentTemplates":
                return templates(r, s, m, max, next);
            case "experiments":
                return experiments(r, s, m, max, next);
            case "actions":
                if (m.equals("GET") && s.size() == 1) {
                    return catalog.listActions(max, next);
                }
                if (m.equals("GET") && s.size() == 2) {
                    return catalog.getAction(s.get(1));
                }
                throw unknown(r);
            case "targetResourceTypes":
                if (m.equals("GET") && s.size() == 1) {
                    return catalog.listResourceTypes(max, next);
                }
                if (m.equals("GET") && s.size() == 2) {
                    return catalog.getResourceType(s.get(1));
                }
                throw unknown(r);
            case "tags":
                return tags(r, m);
            case "safetyLevers":
                if (m.equals("GET") && s.size() == 2) {
                    return lever.getLever(s.get(1));
                }
                if (m.equals("PATCH") && s.size() == 3 && s.get(2).equals("state")) {
                    return lever.updateLever(s.get(1), r.json());
                }
                throw unknown(r);
            default:
                throw unknown(r);
        }
    }

    private JsonNode templates(Request r, List<String> s, String m, Optional<String> max, Optional<String> next) {
        if (s.size() == 1) {
            if (m.equals("POST")) {
                return engine.createTemplate(r.json());
            }
            if (m.equals("GET")) {
                return engine.listTemplates(max, next);
            }
        } else if (s.size() == 2) {
            switch (m) {
                case "GET":
                    return engine.getTemplate(s.get(1));
                case "PATCH":
                    return engine.updateTemplate(s.get(1), r.json());
                case "DELETE":
                    return engine.deleteTemplate(s.get(1));
                default:
                    break;
            }
        } else if (s.get(2).equals("targetAccountConfigurations")) {
            if (s.size() == 3 && m.equals("GET")) {
                return accounts.listTargetAccounts(s.get(1), max, next);
            }
            if (s.size() == 4) {
                return accounts.targetAccount(m, s.get(1), s.get(3), r.json());
            }
        }
        throw unknown(r);
    }

    private JsonNode experiments(Request r, List<String> s, String m, Optional<String> max, Optional<String> next) {
        if (s.size() == 1) {
            if (m.equals("POST")) {
                return experiments.start(r.json());
            }
            if (m.equals("GET")) {
                return experiments.list(r.param("experimentTemplateId"), max, next);
            }
        } else if (s.size() == 2) {
            if (m.equals("GET")) {
                return experiments.get(s.get(1));
            }
            if (m.equals("DELETE")) {
                return experiments.stop(s.get(1));
            }
        } else if (m.equals("GET") && s.get(2).equals("resolvedTargets") && s.size() == 3) {
            return experiments.resolvedTargets(s.get(1), r.param("targetName"), max, next);
        } else if (m.equals("GET") && s.get(2).equals("targetAccountConfigurations") && s.size() <= 4) {
            return experiments.targetAccounts(s.get(1), s.size() == 4 ? s.get(3) : null);
        }
        throw unknown(r);
    }

    private JsonNode tags(Request r, String m) {
        String raw = r.rawPath();
        int at = raw.indexOf("/tags/");
        if (at < 0) {
            throw unknown(r);
        }
        String arn = Request.decodePath(raw.substring(at + "/tags/".length()));
        switch (m) {
            case "GET":
                return tags.listTags(arn);
            case "POST":
                return tags.tag(arn, r.json());
            case "DELETE":
                return tags.untag(arn, r.query().getOrDefault("tagKeys", List.of()));
            default:
                throw unknown(r);
        }
    }

    private static ApiException unknown(Request r) {
        return new ApiException(404, "UnknownOperationException",
                "LocalFis has no operation for " + r.method() + " " + r.rawPath() + ".");
    }
}
