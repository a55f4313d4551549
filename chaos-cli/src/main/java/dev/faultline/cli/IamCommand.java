package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.aws.IamPolicies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline iam FILE}: writes the execution role's trust policy and least-privilege
 * permissions policy as one JSON object ({@code TrustPolicy}, {@code PermissionsPolicy}), or one
 * of them with {@code --only}, ready for {@code aws iam create-role} and
 * {@code put-role-policy}. What to review by hand goes to standard error. Exit code 0 when
 * written, 1 when the template has an ERROR (nothing is written), 2 for usage errors or
 * unreadable files.
 */
@Command(name = "iam", mixinStandardHelpOptions = true,
        description = "Write the experiment role's trust policy and least-privilege permissions policy.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the template has an ERROR; nothing was written",
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Checked checked = Checked.read(file, err);
        if (checked.experiment().isEmpty()) {
            err.flush();
            return checked.exitCode();
        }
        IamPolicies iam = IamPolicies.of(checked.experiment().get()).inRegion(region);
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
