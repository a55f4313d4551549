package dev.faultline.core.policy;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Arn;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.validation.Placeholders;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowed accounts and Regions, read from every ARN of an experiment: the role, the target
 * ARNs and ARN-valued target and action parameters (an SSM document, an EKS cluster), the alarms,
 * the log group, the report's dashboards and the target account configurations (their account
 * IDs and roles). A part that is empty (IAM ARNs have no Region, S3 ARNs no account), the
 * AWS-owned account {@code aws}, and a part holding a placeholder are not checked.
 */
final class AccountRules {


    private AccountRules() {}

    /** An ARN, or an account ID, and where it is. */
    private record Found(String path, String text, boolean accountId) {}

    static void check(SafetyPolicy p, Experiment e, String lead, List<Violation> out) {
        if (p.allowedAccounts().isEmpty() && p.allowedRegions().isEmpty()) {
            return;
        }
        for (Found f : collect(e)) {
            if (f.accountId()) {
                account(p, f.text(), f.path(), "target account", lead, out);
                continue;
            }
            // a placeholder's colons ({{ aws:region }}) must not shift the account out of its place
            Optional<Arn> arn = Arn.parse(Placeholders.colonsHidden(f.text()));
            if (arn.isEmpty()) {
                continue; // reported by the ARN rules
            }
            account(p, arn.get().account(), f.path(), "ARN " + f.text() + " is in account", lead, out);
            region(p, arn.get().region(), f.path(), f.text(), lead, out);
        }
    }

    private static void account(SafetyPolicy p, String account, String path, String what, String lead,
            List<Violation> out) {
        Set<String> allowed = p.allowedAccounts();
        if (allowed.isEmpty() || skip(account) || "aws".equals(account) || allowed.contains(account)) {
            return;
        }
        out.add(Violation.error(ViolationCode.POLICY_ACCOUNT, path, lead + " allows only account" + (allowed.size() == 1 ? " " : "s ")
                        + String.join(", ", allowed) + "; the " + what + " " + account + ".",
                "Use " + (allowed.size() == 1 ? "account " : "one of the accounts ") + String.join(", ", allowed)
                        + ", or run the experiment under a policy for account " + account + "."));
    }

    private static void region(SafetyPolicy p, String region, String path, String arn, String lead,
            List<Violation> out) {
        Set<String> allowed = p.allowedRegions();
        if (allowed.isEmpty() || skip(region) || allowed.contains(region)) {
            return;
        }
        out.add(Violation.error(ViolationCode.POLICY_REGION, path, lead + " allows only Region" + (allowed.size() == 1 ? " " : "s ")
                        + String.join(", ", allowed) + "; the ARN " + arn + " is in " + region + ".",
                "Use " + (allowed.size() == 1 ? "Region " : "one of the Regions ") + String.join(", ", allowed)
                        + ", or run the experiment under a policy for " + region + "."));
    }

    /** An empty part, or one holding a placeholder ({@code <ACCOUNT>}, {@code ${AWS::Region}}, {@code {{ aws:region }}}). */
    private static boolean skip(String part) {
        return part.isEmpty() || Placeholders.contains(part) || part.contains("{{") || part.contains("}}");
    }

    private static List<Found> collect(Experiment e) {
        List<Found> found = new ArrayList<>();
        e.roleArn().ifPresent(arn -> found.add(new Found("/roleArn", arn, false)));
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            String at = append("/targets", entry.getKey());
            List<String> arns = entry.getValue().resourceArns();
            for (int i = 0; i < arns.size(); i++) {
                found.add(new Found(append(append(at, "resourceArns"), i), arns.get(i), false));
            }
            arnParameters(entry.getValue().parameters(), append(at, "parameters"), found);
        }
        e.actions().forEach((name, a) -> arnParameters(a.parameters(), append(append("/actions", name), "parameters"), found));
        for (int i = 0; i < e.stopConditions().size(); i++) {
            StopCondition c = e.stopConditions().get(i);
            if (c.value().isPresent()) {
                found.add(new Found(append(append("/stopConditions", i), "value"), c.value().get(), false));
            }
        }
        e.logConfiguration().flatMap(l -> l.cloudWatchLogsConfiguration()).flatMap(c -> c.logGroupArn()).ifPresent(arn ->
                found.add(new Found("/logConfiguration/cloudWatchLogsConfiguration/logGroupArn", arn, false)));
        e.experimentReportConfiguration().ifPresent(r -> {
            for (int i = 0; i < r.cloudWatchDashboards().size(); i++) {
                found.add(new Found("/experimentReportConfiguration/dataSources/cloudWatchDashboards/" + i
                        + "/dashboardIdentifier", r.cloudWatchDashboards().get(i), false));
            }
        });
        for (int i = 0; i < e.targetAccountConfigurations().size(); i++) {
            TargetAccountConfiguration a = e.targetAccountConfigurations().get(i);
            String at = append("/targetAccountConfigurations", i);
            a.accountId().ifPresent(id -> found.add(new Found(append(at, "accountId"), id, true)));
            a.roleArn().ifPresent(arn -> found.add(new Found(append(at, "roleArn"), arn, false)));
        }
        return found;
    }

    /**
     * The ARNs among parameter values, each item of a comma-separated list ({@code alarmArns}) on
     * its own: a first ARN in an allowed account must not hide a second one.
     */
    private static void arnParameters(Map<String, String> parameters, String at, List<Found> found) {
        parameters.forEach((key, value) -> {
            if (value.startsWith("arn:")) {
                for (String item : value.split(",", -1)) {
                    String arn = item.trim();
                    if (arn.startsWith("arn:")) {
                        found.add(new Found(append(at, key), arn, false));
                    }
                }
            }
        });
    }
}
