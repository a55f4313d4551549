package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one LocalFis: templates, experiments, client tokens, the safety lever. Every
 * public method takes the engine's lock and first runs experiments up to the clock's time.
 */
final class Engine {

    /** Active experiments per account and Region (quota L-F5FCA485). */
    public static final int MAX_ACTIVE_EXPERIMENTS = 5;
    /** Experiment templates per account and Region (quota L-2FF3254A). */
    public static final int MAX_TEMPLATES = 500;
    /** Target account configurations per template (quota L-47D4AE5B). */
    public static final int MAX_TARGET_ACCOUNTS = 10;

    final String account;
    final String region;
    final Clock clock;
    final Inventory inventory;
    final Alarms alarms;
    private final Validator validator;
    private final Ids ids;
    private volatile Duration manualClockTimeout = Duration.ZERO;
    private volatile long lastAdvanceNanos = System.nanoTime();
    final Map<String, StoredTemplate> templates = new LinkedHashMap<>();
    final Map<String, ExperimentRun> runs = new LinkedHashMap<>();
    final Map<String, Integer> runAccounts = new LinkedHashMap<>();
    private final Map<String, String[]> templateTokens = new LinkedHashMap<>();
    private final Map<String, String[]> experimentTokens = new LinkedHashMap<>();
    /** Action ids that fail when they start, with the FIS error code to report. */
    final Map<String, String> failingActions = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether per-action target quotas (catalog {@code targetQuota}) fail experiments. */
    volatile boolean enforceTargetQuotas;
    String leverStatus = "disengaged";
    String leverReason = "";

    /**
     * A new engine.
     *
     * @param account the account id in ARNs
     * @param region the Region in ARNs
     * @param clock the simulated clock
     * @param inventory the simulated resources
     * @param alarms the emulated alarms
     * @param seed the seed of ids and target selection
     */
    public Engine(String account, String region, Clock clock, Inventory inventory, Alarms alarms, long seed) {
        this(account, region, clock, inventory, alarms, seed, Validator.standard());
    }

    /**
     * A new engine with its own validator: LocalFis gives one on its catalog, tests one that
     * blocks (to show validation runs outside the engine's lock).
     *
     * @param account the account id in ARNs
     * @param region the Region in ARNs
     * @param clock the simulated clock
     * @param inventory the simulated resources
     * @param alarms the emulated alarms
     * @param seed the seed of ids and target selection
     * @param validator validates templates
     */
    public Engine(String account, String region, Clock clock, Inventory inventory, Alarms alarms, long seed,
            Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.ids = new Ids(seed);
    }


    /**
     * Makes every action with this id fail when it starts, failing its experiment with the
     * given FIS error code (reference §3.3), for example {@code AuthorizationFailure}.
     *
     * @param actionId the action id, for example {@code aws:ec2:stop-instances}
     * @param errorCode the error code; null to stop failing the action
     */
    public void failAction(String actionId, String errorCode) {
        if (errorCode == null) {
            failingActions.remove(actionId);
        } else {
            failingActions.put(Objects.requireNonNull(actionId, "actionId"), errorCode);
        }
    }

    /**
     * Makes experiments fail with {@code QuotaExceededFailure} when an action would affect more
     * resources, chosen by tags, filters or parameters, than its per-action target quota.
     *
     * @param value true to enforce
     */
    public void enforceTargetQuotas(boolean value) {
        this.enforceTargetQuotas = value;
    }

    /**
     * Fails, from then on, every experiment that waits longer than this in wall-clock time for a
     * manual clock that is never advanced, saying so, instead of leaving it pending for ever.
     *
     * @param value the wall-clock wait; zero (the default) to wait for ever
     */
    public void manualClockTimeout(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("The manual clock timeout must not be negative: " + value);
        }
        this.manualClockTimeout = value;
    }

    /** Notes that the manual clock was advanced (for {@link #manualClockTimeout(Duration)}). */
    public void clockAdvanced() {
        lastAdvanceNanos = System.nanoTime();
    }

    /** Runs every experiment, and evaluates the alarms, up to the clock's time. */
    public synchronized void tick() {
        Instant now = clock.instant();
        alarms.evaluate(now);
        for (ExperimentRun r : runs.values()) {
            if (!r.terminal()) {
                failIfClockNeverMoved(r, now);
            }
            if (!r.terminal()) {
                r.advance(now, inventory, alarms, failingActions);
            }
        }
    }

    private void failIfClockNeverMoved(ExperimentRun r, Instant now) {
        Duration limit = manualClockTimeout;
        if (limit.isZero() || !(clock instanceof ManualClock) || lastAdvanceNanos - r.createdNanos > 0
                || System.nanoTime() - r.createdNanos < limit.toNanos()) {
            return;
        }
        r.failNow(now, "LocalFis runs on a manual clock that was not advanced in the " + limit.toSeconds()
                + " s (wall-clock time) since this experiment started, so it cannot move on: advance it in the"
                + " test (clock.advance(Duration.ofMinutes(1))), or give LocalFis a clock that moves"
                + " (Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(50))).");
    }

    /**
     * A fresh request id.
     *
     * @return a UUID-shaped id
     */
    public String requestId() {
        return ids.requestId();
    }

    String arn(String kind, String id) {
        return "arn:aws:fis:" + region + ":" + account + ":" + kind + "/" + id;
    }

    // ---- templates ----

    /**
     * CreateExperimentTemplate.
     *
     * @param body the request body
     * @return the answer
     */
    public ObjectNode createTemplate(JsonNode body) {
        String token = body.path("clientToken").asText("");
        if (token.isEmpty()) {
            throw ApiException.validation("clientToken is required.");
        }
        // validation reads and checks the whole template: done before the lock, so that a large
        // or hostile template never holds up the other requests
        Experiment e = readValid(body);
        String canonical = body.toString();
        synchronized (this) {
            tick();
            String[] seen = templateTokens.get(token);
            if (seen != null) {
                if (!seen[0].equals(canonical)) {
                    throw ApiException.conflict("The client token " + token
                            + " was already used with a different CreateExperimentTemplate request.");
                }
                StoredTemplate t = templates.get(seen[1]);
                if (t != null) {
                    return wrap("experimentTemplate", FisJson.template(t));
                }
            }
            if (templates.size() >= MAX_TEMPLATES) {
                throw ApiException.quota("You have reached the quota of " + MAX_TEMPLATES + " experiment templates.");
            }
            String id = ids.template();
            StoredTemplate t = new StoredTemplate(id, arn("experiment-template", id), clock.instant(), e);
            templates.put(id, t);
            templateTokens.put(token, new String[] {canonical, id});
            return wrap("experimentTemplate", FisJson.template(t));
        }
    }

    private Experiment readValid(JsonNode body) {
        ReadResult read = TemplateJson.read(body.toString().getBytes(StandardCharsets.UTF_8));
        ValidationResult result = read.validate(validator);
        List<Violation> errors = result.errors();
        if (!errors.isEmpty() || read.experiment().isEmpty()) {
            throw ApiException.validation(errors.isEmpty() ? "The experiment template is not valid." : errors.get(0).message());
        }
        Experiment e = read.experiment().get();
        return Experiment.builder().from(e).metadata(Optional.empty()).name(Optional.empty())
                .hypothesis(Optional.empty()).build();
    }

    /**
     * GetExperimentTemplate.
     *
     * @param id the template id
     * @return the answer
     */
    public synchronized ObjectNode getTemplate(String id) {
        tick();
        return wrap("experimentTemplate", FisJson.template(template(id)));
    }

    StoredTemplate template(String id) {
        StoredTemplate t = templates.get(id);
        if (t == null) {
            throw ApiException.notFound("Experiment template " + id + " not found.");
        }
        return t;
    }

    /**
     * UpdateExperimentTemplate: the fields given replace the stored ones; an action given
     * without {@code actionId} keeps the stored one.
     *
     * @param id the template id
     * @param body the request body
     * @return the answer
     */
    public ObjectNode updateTemplate(String id, JsonNode body) {
        // merge under the lock, validate outside it, store under it if nobody changed the template meanwhile
        for (int attempt = 0; ; attempt++) {
            StoredTemplate t;
            Experiment before;
            ObjectNode merged;
            synchronized (this) {
                tick();
                t = template(id);
                before = t.body;
                merged = merged(t, body);
            }
            Experiment after = readValid(merged);
            synchronized (this) {
                if (templates.get(id) != t) {
                    throw ApiException.notFound("Experiment template " + id + " not found.");
                }
                if (t.body == before || attempt >= 2) {
                    if (t.body != before) {
                        throw ApiException.conflict("Experiment template " + id + " was updated concurrently; retry.");
                    }
                    t.body = after;
                    t.lastUpdateTime = clock.instant();
                    return wrap("experimentTemplate", FisJson.template(t));
                }
            }
        }
    }

    private static ObjectNode merged(StoredTemplate t, JsonNode body) {
        ObjectNode merged = FisJson.templateBody(t.body);
        for (String field : List.of("description", "stopConditions", "targets", "actions", "roleArn",
                "logConfiguration", "experimentReportConfiguration")) {
            if (body.has(field)) {
                merged.set(field, body.get(field));
            }
        }
        if (body.path("experimentOptions").has("emptyTargetResolutionMode")) {
            ObjectNode opts = merged.has("experimentOptions") ? (ObjectNode) merged.get("experimentOptions")
                    : merged.putObject("experimentOptions");
            opts.set("emptyTargetResolutionMode", body.get("experimentOptions").get("emptyTargetResolutionMode"));
        }
        if (body.has("actions") && body.get("actions").isObject()) {
            ObjectNode old = FisJson.templateBody(t.body);
            body.get("actions").properties().forEach(e -> {
                if (e.getValue().isObject() && !e.getValue().has("actionId") && old.path("actions").path(e.getKey()).has("actionId")) {
                    ((ObjectNode) merged.get("actions").get(e.getKey())).set("actionId",
                            old.get("actions").get(e.getKey()).get("actionId"));
                }
            });
        }
        return merged;
    }

    /**
     * DeleteExperimentTemplate.
     *
     * @param id the template id
     * @return the answer: the deleted template
     */
    public synchronized ObjectNode deleteTemplate(String id) {
        tick();
        StoredTemplate t = template(id);
        templates.remove(id);
        return wrap("experimentTemplate", FisJson.template(t));
    }

    /**
     * ListExperimentTemplates.
     *
     * @param maxResults the page size, if given
     * @param nextToken the page token, if given
     * @return the answer
     */
    public synchronized ObjectNode listTemplates(Optional<String> maxResults, Optional<String> nextToken) {
        tick();
        List<JsonNode> all = new ArrayList<>();
        templates.values().forEach(t -> all.add(FisJson.templateSummary(t)));
        return Paging.page(all, "experimentTemplates", maxResults, nextToken, 100);
    }

    static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode o = Json.object();
        o.set(name, value);
        return o;
    }
}
