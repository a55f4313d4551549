package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.aws.IamPolicies;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline iam FILE}: writes the execution role's trust policy and least-privilege
 * permissions policy as one JSON object ({@code TrustPolicy}, {@code PermissionsPolicy}), or one
 * of them with {@code --only}, ready for {@code aws iam create-role} and
 * {@code put-role-policy}. What to review by hand goes to standard error. The trust policy
 * never names a wildcard account: the account comes from {@code --account ID} or the role ARN,
 * and a placeholder left in either policy is an error. Exit code 0 when written, 1 when the
 * template has an ERROR or unresolved placeholders (nothing is written), 2 for usage errors or
 * unreadable files.
 */
@Command(name = "iam", mixinStandardHelpOptions = true,
        description = "Write the experiment role's trust policy and least-privilege permissions policy.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the template has an ERROR, or placeholders (such as the role's account) that"
                + " --account does not fill; nothing was written",
                "2:usage error or unreadable file"})
final class IamCommand implements Callable<Integer> {

    /** Which policy to write. */
    enum Only { trust, permissions }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A template file: FIS JSON or YAML, or CloudFormation JSON or YAML (FILE#LogicalId for one resource).")
    Path file;

    @Option(names = "--region", defaultValue = "*", description = "Limit ARNs to this Region (default: any).")
    String region;

    @Option(names = "--only", description = "Write only this policy: trust or permissions.")
    Only only;

    @Option(names = "--account", paramLabel = "ID",
            description = "The role's 12-digit account id, when the template's roleArn has a placeholder instead.")
    String account;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();
    @Option(names = "--kms-key", paramLabel = "ARN",
            description = "A KMS key ARN of the target instances' encrypted EBS volumes (repeatable): kms:CreateGrant,"
                    + " which stopping and restarting them needs, is allowed on these keys only (default: every key,"
                    + " with a note).")
    List<String> kmsKeys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog actions;
        try {
            actions = catalog.catalog();
        } catch (FaultlineException e) {
            err.println("faultline iam: " + e.getMessage());
            err.flush();
            return Faultline.USAGE;
        }
        Validator validator = catalog.file == null ? Validator.standard() : Validator.standard().withCatalog(actions);
        Checked checked = Checked.read(file, validator, err);
        if (checked.experiment().isEmpty()) {
            err.flush();
            return checked.exitCode();
        }
        IamPolicies iam = IamPolicies.of(checked.experiment().get()).withCatalog(actions).inRegion(region);
        if (account != null) {
            if (!account.matches("\\d{12}")) {
                err.println("faultline iam: --account " + account + " is not a 12-digit account id");
                err.flush();
                return Faultline.USAGE;
            }
            iam = iam.withAccount(account);
        }
        if (kmsKeys != null) {
            try {
                iam = iam.withKmsKeys(kmsKeys);
            } catch (IllegalArgumentException e) {
                err.println("faultline iam: --kms-key: " + e.getMessage());
                err.flush();
                return Faultline.USAGE;
            }
        }
        List<String> unresolved = iam.unresolved();
        if (!unresolved.isEmpty()) {
            // a policy with placeholders (or a trust policy with a wildcard account) is never written
            unresolved.forEach(u -> err.println(file + ": error: " + u));
            err.println(file + ": nothing was written; fill the placeholders in the template"
                    + (account == null ? " or pass --account ID" : ""));
            err.flush();
            return Faultline.FOUND_ERRORS;
        }
        iam.notes().forEach(n -> err.println(file + ": review: " + n));
        err.flush();
        if (only == Only.trust) {
            out.println(iam.trustPolicy().toJson());
        } else if (only == Only.permissions) {
            out.println(iam.permissionsPolicy().toJson());
        } else {
            ObjectMapper json = new ObjectMapper();
            try {
                ObjectNode both = json.createObjectNode();
                both.set("TrustPolicy", json.readTree(iam.trustPolicy().toJson()));
                both.set("PermissionsPolicy", json.readTree(iam.permissionsPolicy().toJson()));
                out.println(both.toPrettyString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return Faultline.OK;
    }
}
