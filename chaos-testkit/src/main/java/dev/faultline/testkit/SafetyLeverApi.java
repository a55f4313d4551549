package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.util.Objects;

/**
 * The account's safety lever: GetSafetyLever and UpdateSafetyLeverState; engaging it stops
 * the running experiments, and while it is engaged new ones are cancelled.
 */
final class SafetyLeverApi {

    /** The id of the account's safety lever. */
    public static final String LEVER_ID = "default";

    private final Engine engine;
    private final Experiments experiments;

    /**
     * The safety lever of an engine.
     *
     * @param engine the engine
     * @param experiments its experiment operations (engaging the lever stops experiments)
     */
    public SafetyLeverApi(Engine engine, Experiments experiments) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
    }

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
