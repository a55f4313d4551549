package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The experiment operations of the FIS API, under the engine's lock. */
final class Experiments {

    private final Engine engine;
    private final Map<String, String[]> tokens = new LinkedHashMap<>();
    private final Ids seeds;

    /**
     * Experiment operations on an engine.
     *
     * @param engine the engine
     * @param seed the seed of experiment ids and target selection
     */
    public Experiments(Engine engine, long seed) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.seeds = new Ids(seed);
    }

    /**
     * StartExperiment.
     *
     * @param body the request body
     * @return the answer
     */
    public ObjectNode start(JsonNode body) {
        synchronized (engine) {
            engine.tick();
            String token = body.path("clientToken").asText("");
            if (token.isEmpty()) {
                throw ApiException.validation("clientToken is required.");
            }
            String canonical = body.toString();
            String[] seen = tokens.get(token);
            if (seen != null) {
                if (!seen[0].equals(canonical)) {
                    throw ApiException.conflict("The client token " + token
                            + " was already used with a different StartExperiment request.");
                }
                return Engine.wrap("experiment", FisJson.experiment(engine.runs.get(seen[1]), accounts(seen[1])));
            }
            String templateId = body.path("experimentTemplateId").asText("");
            if (templateId.isEmpty()) {
                throw ApiException.validation("experimentTemplateId is required.");
            }
            String mode = body.path("experimentOptions").path("actionsMode").asText("run-all");
            if (!mode.equals("run-all") && !mode.equals("skip-all")) {
                throw ApiException.validation("1 validation error detected: Value '" + mode
                        + "' at 'experimentOptions.actionsMode' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [skip-all, run-all]");
            }
            StoredTemplate t = engine.template(templateId);
            long active = engine.runs.values().stream().filter(r -> !r.terminal()).count();
            if (active >= Engine.MAX_ACTIVE_EXPERIMENTS) {
                throw ApiException.quota("You have reached the maximum number of active experiments ("
                        + Engine.MAX_ACTIVE_EXPERIMENTS + ") for this account and Region.");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            body.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            String id = seeds.experiment();
            Instant now = engine.clock.instant();
            ExperimentRun run = new ExperimentRun(id, engine.arn("experiment", id), templateId, t.body,
                    mode.equals("skip-all"), tags, now, seeds.nextSeed());
            run.quotas = engine.enforceTargetQuotas;
            run.accounts.addAll(t.accounts.values());
            if (!"disengaged".equals(engine.leverStatus)) {
                run.cancel(now, "Experiment was cancelled because the safety lever is engaged: " + engine.leverReason);
            }
            engine.runs.put(id, run);
            engine.runAccounts.put(id, t.accounts.size());
            tokens.put(token, new String[] {canonical, id});
            return Engine.wrap("experiment", FisJson.experiment(run, t.accounts.size()));
        }
    }

    private int accounts(String id) {
        return engine.runAccounts.getOrDefault(id, 0);
    }

    /**
     * ListExperimentTargetAccountConfigurations and GetExperimentTargetAccountConfiguration: the
     * configurations copied from the template when the experiment started.
     *
     * @param id the experiment id
     * @param accountId one account, or null for the list
     * @return the answer
     */
    public ObjectNode targetAccounts(String id, String accountId) {
        synchronized (engine) {
            ExperimentRun r = run(id);
            com.fasterxml.jackson.databind.node.ArrayNode list = Json.array();
            for (StoredTemplate.TargetAccount a : r.accounts) {
                ObjectNode o = Json.object();
                o.put("accountId", a.accountId());
                o.put("roleArn", a.roleArn());
                o.put("description", a.description());
                if (accountId != null && accountId.equals(a.accountId())) {
                    return Engine.wrap("targetAccountConfiguration", o);
                }
                list.add(o);
            }
            if (accountId != null) {
                throw ApiException.notFound("Target account configuration " + accountId + " not found for experiment "
                        + id + ".");
            }
            return Engine.wrap("targetAccountConfigurations", list);
        }
    }

    ExperimentRun run(String id) {
        ExperimentRun r = engine.runs.get(id);
        if (r == null) {
            throw ApiException.notFound("Experiment " + id + " not found.");
        }
        return r;
    }

    /**
     * GetExperiment.
     *
     * @param id the experiment id
     * @return the answer
     */
    public ObjectNode get(String id) {
        synchronized (engine) {
            engine.tick();
            return Engine.wrap("experiment", FisJson.experiment(run(id), accounts(id)));
        }
    }

    /**
     * StopExperiment.
     *
     * @param id the experiment id
     * @return the answer
     */
    public ObjectNode stop(String id) {
        synchronized (engine) {
            engine.tick();
            ExperimentRun r = run(id);
            r.requestStop(engine.clock.instant(), "Experiment was stopped by a StopExperiment request.");
            return Engine.wrap("experiment", FisJson.experiment(r, accounts(id)));
        }
    }

    /**
     * Stops every experiment that is not finished, for the safety lever.
     *
     * @param reason the reason
     */
    void stopAll(String reason) {
        for (ExperimentRun r : engine.runs.values()) {
            if (r.terminal()) {
                continue;
            }
            if (r.started()) {
                r.requestStop(engine.clock.instant(), reason);
            } else {
                r.cancel(engine.clock.instant(), reason);
            }
        }
    }

    /**
     * ListExperiments.
     *
     * @param templateId only experiments of this template, if given
     * @param maxResults the page size, if given
     * @param nextToken the page token, if given
     * @return the answer
     */
    public ObjectNode list(Optional<String> templateId, Optional<String> maxResults, Optional<String> nextToken) {
        synchronized (engine) {
            engine.tick();
            List<JsonNode> all = new ArrayList<>();
            for (ExperimentRun r : engine.runs.values()) {
                if (templateId.isEmpty() || templateId.get().equals(r.templateId)) {
                    all.add(FisJson.experimentSummary(r));
                }
            }
            return Paging.page(all, "experiments", maxResults, nextToken, 100);
        }
    }

    /**
     * ListExperimentResolvedTargets.
     *
     * @param id the experiment id
     * @param targetName only this target, if given
     * @param maxResults the page size, if given
     * @param nextToken the page token, if given
     * @return the answer
     */
    public ObjectNode resolvedTargets(String id, Optional<String> targetName, Optional<String> maxResults,
            Optional<String> nextToken) {
        synchronized (engine) {
            engine.tick();
            ExperimentRun r = run(id);
            List<JsonNode> all = new ArrayList<>();
            for (Map.Entry<String, SimResource> e : r.resolvedTargets()) {
                if (targetName.isPresent() && !targetName.get().equals(e.getKey())) {
                    continue;
                }
                ObjectNode o = Json.object();
                o.put("resourceType", e.getValue().type());
                o.put("targetName", e.getKey());
                o.putObject("targetInformation").put("arn", e.getValue().arn());
                all.add(o);
            }
            return Paging.page(all, "resolvedTargets", maxResults, nextToken, 100);
        }
    }
}
