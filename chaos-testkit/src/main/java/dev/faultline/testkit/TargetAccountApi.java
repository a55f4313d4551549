package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The target account configurations of templates: create, get, update, delete and list.
 */
final class TargetAccountApi {

    private final Engine engine;

    /**
     * The target account API of an engine.
     *
     * @param engine the engine whose templates hold the configurations
     */
    public TargetAccountApi(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

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
}
