package dev.faultline.aws;

import dev.faultline.aws.internal.PolicyBuilder;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * <p>The account comes from the experiment's role ARN ({@code *} when it has none or a
 * placeholder); the Region is {@code *} unless given. Immutable and thread-safe.
 */
public final class IamPolicies {

    private final Experiment experiment;
    private final Catalog catalog;
    private final String region;
    private final PolicyBuilder.Result result;

    private IamPolicies(Experiment experiment, Catalog catalog, String region) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.region = region;
        this.result = PolicyBuilder.build(experiment, catalog, region);
    }

    /**
     * The policies of an experiment, with the default catalog, in any Region.
     *
     * @param experiment the experiment
     * @return the policies
     */
    public static IamPolicies of(Experiment experiment) {
        return new IamPolicies(Objects.requireNonNull(experiment, "experiment"), Catalog.defaultCatalog(), "*");
    }

    /**
     * These policies limited to one Region (ARNs and the trust policy's source ARN).
     *
     * @param region the Region, for example {@code us-east-1}, or {@code *}
     * @return new policies
     */
    public IamPolicies inRegion(String region) {
        return new IamPolicies(experiment, catalog, Objects.requireNonNull(region, "region"));
    }

    /**
     * These policies with another catalog (for actions added after this release).
     *
     * @param catalog the catalog
     * @return new policies
     */
    public IamPolicies withCatalog(Catalog catalog) {
        return new IamPolicies(experiment, Objects.requireNonNull(catalog, "catalog"), region);
    }

    /**
     * The account the role belongs to, from its ARN.
     *
     * @return the 12-digit account id, or {@code *}
     */
    public String account() {
        return result.account();
    }

    /**
     * The trust policy: {@code fis.amazonaws.com} may assume the role, only for experiments
     * of the role's account ({@code aws:SourceAccount}) and Region ({@code aws:SourceArn}).
     *
     * @return the trust policy
     */
    public PolicyDocument trustPolicy() {
        String account = result.account();
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
        return result.policy();
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
