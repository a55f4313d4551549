package dev.faultline.temporal;

import dev.faultline.core.model.Arn;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves an experiment written for one account and Region to a {@link RunTarget}: the role
 * becomes the target's, and every account-scoped ARN the template names (stop-condition alarms,
 * targets' resource ARNs, the CloudWatch Logs log group) gets the target's account and, when the
 * target names one, its Region. ARNs without an account (S3 buckets, say) and global ones (an
 * empty Region, as IAM's) keep their Region.
 */
final class TargetArns {

    private final RunTarget target;

    private TargetArns(RunTarget target) {
        this.target = target;
    }

    /**
     * The experiment as it runs on a target; unchanged on the worker's default target.
     *
     * @param experiment the experiment as written
     * @param target where it runs
     * @return the experiment for that account and Region
     */
    static Experiment map(Experiment experiment, RunTarget target) {
        Experiment.Builder b = Experiment.builder().from(experiment);
        if (!target.roleArn().isEmpty()) {
            b.roleArn(target.roleArn());
        }
        if (target.account().isEmpty() && target.region().isEmpty()) {
            return b.build();
        }
        TargetArns arns = new TargetArns(target);
        List<StopCondition> stops = new ArrayList<>();
        for (StopCondition s : experiment.stopConditions()) {
            stops.add(s.value().isPresent() ? StopCondition.builder().from(s).value(arns.map(s.value().get())).build()
                    : s);
        }
        b.stopConditions(stops);
        Map<String, TemplateTarget> targets = new LinkedHashMap<>();
        experiment.targets().forEach((name, t) -> targets.put(name, t.resourceArns().isEmpty() ? t
                : TemplateTarget.builder().from(t).resourceArns(t.resourceArns().stream().map(arns::map).toList())
                        .build()));
        b.targets(targets);
        experiment.logConfiguration().ifPresent(log -> b.logConfiguration(arns.map(log)));
        return b.build();
    }

    private LogConfiguration map(LogConfiguration log) {
        if (log.cloudWatchLogsConfiguration().flatMap(CloudWatchLogsConfiguration::logGroupArn).isEmpty()) {
            return log;
        }
        CloudWatchLogsConfiguration cw = log.cloudWatchLogsConfiguration().get();
        return LogConfiguration.builder().from(log).cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.builder()
                .from(cw).logGroupArn(map(cw.logGroupArn().get())).build()).build();
    }

    /** One ARN with the target's account and Region; text that is not an account-scoped ARN as it is. */
    String map(String text) {
        Arn arn = Arn.parse(text).orElse(null);
        if (arn == null || arn.account().isEmpty()) {
            return text;
        }
        String account = target.account().isEmpty() ? arn.account() : target.account();
        String region = target.region().isEmpty() || arn.region().isEmpty() ? arn.region() : target.region();
        return "arn:" + arn.partition() + ":" + arn.service() + ":" + region + ":" + account + ":" + arn.resource();
    }
}
