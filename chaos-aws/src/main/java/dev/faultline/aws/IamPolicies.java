package dev.faultline.aws;

import dev.faultline.aws.internal.PolicyBuilder;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Placeholders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The IAM policies of an experiment's execution role: the trust policy that lets FIS assume
 * it (only for experiments of this account, against the confused-deputy problem) and a
 * least-privilege permissions policy derived from the catalog's permissions for the actions
 * used, scoped to the targets' ARNs or, for targets chosen by tags, to their ARN pattern with
 * {@code aws:ResourceTag} conditions; plus {@code tag:GetResources} when tags are used,
 * {@code cloudwatch:DescribeAlarms} on the stop-condition alarms, log and report delivery, and
 * {@code iam:PassRole} for an SSM Automation runbook that assumes a role.
 *
 * <pre>{@code
 * IamPolicies iam = IamPolicies.of(experiment).inRegion("us-east-1");
 * String trust = iam.trustPolicy().toJson();
 * String permissions = iam.permissionsPolicy().toJson();
 * iam.notes().forEach(System.err::println);   // what to review by hand
 * }</pre>
 *
 * <p>The account comes from {@link #withAccount} or the experiment's role ARN; without one the
 * trust policy cannot be written ({@link #unresolved()} says why). The Region is {@code *}
 * unless given. Immutable and thread-safe.
 */
public final class IamPolicies {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** A KMS key ARN (not an alias: CreateGrant is authorised on the key). */
    private static final Pattern KMS_KEY = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]{1,64}");

    private final Experiment experiment;
    private final Catalog catalog;
    private final String region;
    private final String accountOverride;
    private final List<String> kmsKeys;
    private final PolicyBuilder.Result result;
    private final PolicyDocument permissions;

    private IamPolicies(Experiment experiment, Catalog catalog, String region, String accountOverride,
            List<String> kmsKeys) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.region = region;
        this.accountOverride = accountOverride;
        this.kmsKeys = kmsKeys;
        this.result = PolicyBuilder.build(experiment, catalog, region, kmsKeys);
        this.permissions = permissions(result.statements());
    }

    /**
     * The policies of an experiment, with the default catalog, in any Region.
     *
     * @param experiment the experiment
     * @return the policies
     */
    public static IamPolicies of(Experiment experiment) {
        return new IamPolicies(Objects.requireNonNull(experiment, "experiment"), Catalog.defaultCatalog(), "*", null, List.of());
    }

    /**
     * These policies limited to one Region (ARNs and the trust policy's source ARN).
     *
     * @param region the Region, for example {@code us-east-1}, or {@code *}
     * @return new policies
     */
    public IamPolicies inRegion(String region) {
        return new IamPolicies(experiment, catalog, Objects.requireNonNull(region, "region"), accountOverride, kmsKeys);
    }

    /**
     * These policies with another catalog (for actions added after this release).
     *
     * @param catalog the catalog
     * @return new policies
     */
    public IamPolicies withCatalog(Catalog catalog) {
        return new IamPolicies(experiment, Objects.requireNonNull(catalog, "catalog"), region, accountOverride, kmsKeys);
    }

    /**
     * These policies for a given account: it replaces the role ARN's account in the trust
     * policy, and fills the placeholders that stand in the account field of the ARNs in the
     * permissions policy (such as {@code arn:aws:ec2:us-east-1:<YOUR ACCOUNT>:instance/*}).
     *
     * @param account a 12-digit account id
     * @return new policies
     * @throws IllegalArgumentException if it is not 12 digits
     */
    public IamPolicies withAccount(String account) {
        if (account == null || !ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("An account id is 12 digits: " + account);
        }
        return new IamPolicies(experiment, catalog, region, account, kmsKeys);
    }

    /**
     * These policies with {@code kms:CreateGrant} (which {@code aws:ec2:stop-instances} needs to
     * start instances with encrypted EBS volumes again) allowed only on these keys. A FIS template
     * names no KMS key, so without them the grant is allowed on every key, still only for grants EC2
     * makes for AWS resources, and {@link #notes()} asks for the keys.
     *
     * @param keyArns KMS key ARNs ({@code arn:aws:kms:REGION:ACCOUNT:key/ID}), not aliases
     * @return new policies
     * @throws IllegalArgumentException if one is not a key ARN
     */
    public IamPolicies withKmsKeys(Collection<String> keyArns) {
        Objects.requireNonNull(keyArns, "keyArns");
        for (String key : keyArns) {
            if (key == null || !KMS_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID): " + key);
            }
        }
        return new IamPolicies(experiment, catalog, region, accountOverride, List.copyOf(new java.util.TreeSet<>(keyArns)));
    }

    /**
     * The account the role belongs to: the one given to {@link #withAccount}, else the role ARN's.
     *
     * @return the 12-digit account id, or {@code *} when neither says
     */
    public String account() {
        return accountOverride != null ? accountOverride : result.account();
    }

    /**
     * What keeps these policies from being used as they are: no account (the role ARN has none,
     * or a placeholder, and none was given), and every placeholder left in the permissions
     * policy, each with where it is.
     *
     * @return one message per problem; empty when both policies are complete
     */
    public List<String> unresolved() {
        List<String> out = new ArrayList<>();
        if (!ACCOUNT_ID.matcher(account()).matches()) {
            String role = experiment.roleArn().orElse("");
            List<String> found = Placeholders.find(role);
            out.add(role.isEmpty() ? "the template has no roleArn, so the trust policy has no account: give the account id"
                    : "the roleArn " + role + " names no account"
                            + (found.isEmpty() ? "" : " (placeholder " + String.join(", ", found) + ")")
                            + ": fill it in, or give the account id");
        }
        for (PolicyStatement s : permissionsPolicy().statements()) {
            for (String resource : s.resources()) {
                for (String p : Placeholders.find(resource)) {
                    out.add("placeholder " + p + " in resource " + resource + " (statement " + s.sid() + ")");
                }
            }
            s.conditions().forEach((op, keys) -> keys.forEach((key, values) -> values.forEach(v ->
                    Placeholders.find(v).forEach(p -> out.add("placeholder " + p + " in condition " + op + " " + key
                            + " (statement " + s.sid() + ")")))));
        }
        return List.copyOf(out);
    }

    /**
     * The trust policy: {@code fis.amazonaws.com} may assume the role, only for experiments
     * of the role's account ({@code aws:SourceAccount}) and Region ({@code aws:SourceArn}).
     * Never with a wildcard account, which FIS could never satisfy under {@code StringEquals}
     * and which, "fixed" by hand, would protect nothing.
     *
     * @return the trust policy
     * @throws IllegalStateException when the account is not known (see {@link #unresolved()})
     */
    public PolicyDocument trustPolicy() {
        String account = account();
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalStateException("No trust policy without an account: " + unresolved().get(0));
        }
        String sourceArn = "arn:" + result.partition() + ":fis:" + region + ":" + account + ":experiment/*";
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", Map.of("aws:SourceAccount", List.of(account)));
        conditions.put("ArnLike", Map.of("aws:SourceArn", List.of(sourceArn)));
        return new PolicyDocument(List.of(new PolicyStatement("AllowFisToAssumeTheRole", "fis.amazonaws.com",
                List.of("sts:AssumeRole"), List.of(), conditions)));
    }

    /**
     * The least-privilege permissions policy for the experiment's actions, targets, stop
     * conditions, logs and report.
     *
     * @return the permissions policy
     */
    public PolicyDocument permissionsPolicy() {
        if (accountOverride == null) {
            return permissions;
        }
        List<PolicyStatement> statements = new ArrayList<>();
        for (PolicyStatement s : permissions.statements()) {
            List<String> resources = new ArrayList<>();
            s.resources().forEach(r -> resources.add(fillAccount(r)));
            Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
            s.conditions().forEach((op, keys) -> {
                Map<String, List<String>> filled = new LinkedHashMap<>();
                keys.forEach((key, values) -> filled.put(key, values.stream().map(this::fillAccount).toList()));
                conditions.put(op, filled);
            });
            statements.add(new PolicyStatement(s.sid(), s.principalService(), s.actions(), resources, conditions));
        }
        return new PolicyDocument(statements);
    }

    private static PolicyDocument permissions(List<PolicyBuilder.Statement> statements) {
        List<PolicyStatement> out = new ArrayList<>(statements.size());
        for (PolicyBuilder.Statement s : statements) {
            out.add(new PolicyStatement(s.sid(), null, s.actions(), s.resources(), s.conditions()));
        }
        return new PolicyDocument(out);
    }

    /** An ARN with the account given in place of a placeholder (or {@code *}) in its account field. */
    private String fillAccount(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && (Placeholders.contains(parts[4]) || parts[4].equals("*"))) {
            parts[4] = accountOverride;
            return String.join(":", parts);
        }
        return arn;
    }

    /**
     * What the generator could not scope and a person should review: unknown actions,
     * IAM actions left on {@code "*"} without a rule, resources that could not be filled in.
     *
     * @return the notes, empty when there is nothing to review
     */
    public List<String> notes() {
        return result.notes();
    }
}
