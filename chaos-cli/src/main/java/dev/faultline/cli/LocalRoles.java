package dev.faultline.cli;

import dev.faultline.aws.IamPolicies;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.LocalFis;

/**
 * Gives a LocalFis the execution role of an experiment, holding exactly the trust and
 * permissions policies {@code faultline iam} derives for it, so that the permissions preflight
 * (SimulatePrincipalPolicy) has a role to check.
 */
final class LocalRoles {

    private LocalRoles() {}

    /**
     * Puts the experiment's role, with its derived policies, into the LocalFis's IAM.
     *
     * @param fis the LocalFis
     * @param experiment the experiment
     * @return the role ARN
     * @throws IllegalArgumentException when the experiment has no usable role ARN
     */
    static String grant(LocalFis fis, Experiment experiment) {
        return grant(fis, experiment, Catalog.defaultCatalog());
    }

    /**
     * As {@link #grant(LocalFis, Experiment)}, with the permissions of another catalog's actions
     * (the shipped one with a {@code --catalog} overlay).
     *
     * @param fis the LocalFis
     * @param experiment the experiment
     * @param catalog the catalog whose actions' permissions the role gets
     * @return the role ARN
     * @throws IllegalArgumentException when the experiment has no usable role ARN
     */
    static String grant(LocalFis fis, Experiment experiment, Catalog catalog) {
        String role = experiment.roleArn().orElseThrow(() -> new IllegalArgumentException("the template has no roleArn"));
        IamPolicies policies = IamPolicies.of(experiment).withCatalog(catalog).inRegion(fis.region());
        if (!policies.account().matches("\\d{12}")) {
            policies = policies.withAccount(fis.account());
        }
        fis.iam().put(role, policies.trustPolicy().toJson(), policies.permissionsPolicy().toJson());
        return role;
    }
}
