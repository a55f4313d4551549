package dev.faultline.aws.engine;

import dev.faultline.aws.IamPolicies;
import dev.faultline.aws.PolicyDocument;
import dev.faultline.aws.PolicyStatement;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.model.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;

/**
 * The permissions check: IAM {@code SimulatePrincipalPolicy} for the experiment's role and the
 * actions its least-privilege policy ({@link IamPolicies}) lists, with the policy's condition
 * keys (such as {@code aws:ResourceTag/Role}) as context. An action that is not allowed refuses
 * the run, which would otherwise fail with {@code AuthorizationFailure}; a decision that
 * depends on context keys the simulation cannot supply is a warning. Without an IAM client the
 * check is skipped.
 */
final class PermissionCheck {

    /** Results per SimulatePrincipalPolicy page. */
    static final int PAGE_SIZE = 100;

    private final EngineContext context;

    /**
     * Creates the check.
     *
     * @param context the engine's shared parts
     */
    PermissionCheck(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Checks that the experiment's role may do what its actions need.
     *
     * @param experiment the experiment
     * @return the check; never completes exceptionally
     */
    CompletableFuture<PreflightCheck> check(Experiment experiment) {
        if (context.iam().isEmpty()) {
            return CompletableFuture.completedFuture(PreflightCheck.skipped(PreflightCheck.PERMISSIONS,
                    "no IAM client: the role's permissions were not simulated"));
        }
        if (experiment.roleArn().isEmpty()) {
            return CompletableFuture.completedFuture(PreflightCheck.skipped(PreflightCheck.PERMISSIONS,
                    "the experiment has no role ARN"));
        }
        IamAsyncClient iam = context.iam().get();
        String role = experiment.roleArn().get();
        Region region = context.fis.serviceClientConfiguration().region();
        IamPolicies policies = IamPolicies.of(experiment);
        PolicyDocument policy = (region == null ? policies : policies.inRegion(region.id())).permissionsPolicy();
        List<String> actions = policy.actions();
        if (actions.isEmpty()) {
            return CompletableFuture.completedFuture(PreflightCheck.passed(PreflightCheck.PERMISSIONS,
                    "the actions need no IAM permission"));
        }
        SimulatePrincipalPolicyRequest first = SimulatePrincipalPolicyRequest.builder().policySourceArn(role)
                .actionNames(actions).contextEntries(contextEntries(policy)).maxItems(PAGE_SIZE).build();
        return simulate(iam, first, new ArrayList<>())
                .thenApply(results -> judge(role, actions, results))
                .exceptionally(error -> PreflightCheck.failed(PreflightCheck.PERMISSIONS,
                        "could not simulate the permissions of role " + role + ": SimulatePrincipalPolicy failed ("
                                + PreflightRunner.describe(error) + "); the caller needs iam:SimulatePrincipalPolicy"
                                + " on the role, or build the engine without an IAM client to skip this check"));
    }

    private CompletableFuture<List<EvaluationResult>> simulate(IamAsyncClient iam, SimulatePrincipalPolicyRequest request,
            List<EvaluationResult> into) {
        return context.calls.call("SimulatePrincipalPolicy", () -> iam.simulatePrincipalPolicy(request))
                .thenCompose(response -> {
                    into.addAll(response.evaluationResults());
                    String marker = response.marker();
                    if (Boolean.TRUE.equals(response.isTruncated()) && marker != null && !marker.isEmpty()
                            && !marker.equals(request.marker())) {
                        return simulate(iam, request.toBuilder().marker(marker).build(), into);
                    }
                    return CompletableFuture.completedFuture(into);
                });
    }

    /** The policy's condition keys with the values it requires, so the simulation can match them. */
    static List<ContextEntry> contextEntries(PolicyDocument policy) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (PolicyStatement s : policy.statements()) {
            s.conditions().values().forEach(byKey -> byKey.forEach((key, values) ->
                    keys.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values)));
        }
        List<ContextEntry> out = new ArrayList<>();
        keys.forEach((key, values) -> out.add(ContextEntry.builder().contextKeyName(key).contextKeyValues(values)
                .contextKeyType(values.size() == 1 ? ContextKeyTypeEnum.STRING : ContextKeyTypeEnum.STRING_LIST)
                .build()));
        return out;
    }

    private static PreflightCheck judge(String role, List<String> actions, List<EvaluationResult> results) {
        Map<String, String> denied = new LinkedHashMap<>();
        Map<String, List<String>> undecided = new LinkedHashMap<>();
        Set<String> allowed = new LinkedHashSet<>();
        for (EvaluationResult r : results) {
            String action = r.evalActionName();
            String decision = r.evalDecisionAsString();
            if ("allowed".equals(decision)) {
                allowed.add(action);
            } else if ("implicitDeny".equals(decision) && !r.missingContextValues().isEmpty()) {
                undecided.put(action, r.missingContextValues());
            } else {
                String why = decision;
                if (r.organizationsDecisionDetail() != null
                        && Boolean.FALSE.equals(r.organizationsDecisionDetail().allowedByOrganizations())) {
                    why += ", blocked by an organization SCP";
                }
                if (r.permissionsBoundaryDecisionDetail() != null
                        && Boolean.FALSE.equals(r.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary())) {
                    why += ", blocked by the role's permissions boundary";
                }
                denied.put(action, why);
            }
        }
        for (String action : actions) {
            if (!allowed.contains(action) && !denied.containsKey(action) && !undecided.containsKey(action)) {
                denied.put(action, "no simulation result");
            }
        }
        if (!denied.isEmpty()) {
            List<String> list = new ArrayList<>();
            denied.forEach((action, why) -> list.add(action + " (" + why + ")"));
            return PreflightCheck.failed(PreflightCheck.PERMISSIONS, "missing permissions: role " + role
                    + " may not " + String.join(", ", list) + "; the experiment would fail with AuthorizationFailure."
                    + " Fix: attach the least-privilege policy that `faultline iam FILE` prints to the role");
        }
        if (!undecided.isEmpty()) {
            List<String> list = new ArrayList<>();
            undecided.forEach((action, keys) -> list.add(action + " (needs " + String.join(", ", keys) + ")"));
            return PreflightRunner.warning(PreflightCheck.PERMISSIONS, "role " + role + ": " + allowed.size()
                    + " action(s) allowed; not decided, the role's policies use context keys the simulation"
                    + " does not supply: " + String.join(", ", list) + "; check them by hand");
        }
        return PreflightCheck.passed(PreflightCheck.PERMISSIONS, "role " + role + " may do all " + allowed.size()
                + " action(s) the experiment needs");
    }
}
