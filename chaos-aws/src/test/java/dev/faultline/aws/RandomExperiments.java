package dev.faultline.aws;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of experiments for property tests: any shape the model allows (not
 * necessarily valid for FIS), with strings that are hard to quote in JSON and YAML.
 */
final class RandomExperiments {

    private static final List<String> NASTY = List.of("", " ", "yes", "no", "on", "off", "true", "False", "null", "~",
            "NULL", "123", "0x1F", "1e3", "0.5", "-", "- item", "? key", ": colon", "a: b", "#comment", "a #b",
            "&anchor", "*alias", "!tag", "!Ref X", "%percent", "@at", "`tick`", "'single'", "\"double\"",
            "multi\nline", "tab\there", " leading", "trailing ", "{braces}", "[brackets]", "a,b", "x|y", ">fold",
            "2010-09-09", "12:30:00", "PT5M", "PERCENT(20)", "ünïcødé", "日本語", "emoji 🙂", "\u00a0nbsp",
            "back\\slash", "${AWS::Region}", "<YOUR AWS ACCOUNT>", "{{ aws:region }}", "arn:aws:ec2:us-east-1:1:instance/i-1",
            "\u0001ctl", "=", "Ref", "Fn::Sub", "/slash/~tilde");

    private RandomExperiments() {}

    static String string(SplittableRandom r) {
        if (r.nextInt(3) == 0) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(10);
                b.append(kind < 7 ? (char) ('a' + r.nextInt(26)) : kind < 9 ? (char) (' ' + r.nextInt(95))
                        : (char) (0xA0 + r.nextInt(0x2000)));
            }
            return b.toString();
        }
        return NASTY.get(r.nextInt(NASTY.size()));
    }

    /** A key: like a string, but object keys that mean something to CloudFormation are avoided. */
    private static String key(SplittableRandom r) {
        String k = string(r);
        return k.equals("Ref") || k.startsWith("Fn::") ? k + "_" : k;
    }

    static Experiment experiment(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Experiment.Builder b = Experiment.builder();
        if (r.nextBoolean()) {
            b.name(string(r));
        }
        if (r.nextInt(5) > 0) {
            b.description(string(r));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.putTarget(key(r) + i, target(r));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            b.putAction(key(r) + i, action(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.addStopCondition(r.nextBoolean() ? StopCondition.none()
                    : StopCondition.builder().source(string(r)).value(string(r)).build());
        }
        if (r.nextInt(4) > 0) {
            b.roleArn(string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.putTag(key(r) + i, string(r));
        }
        if (r.nextInt(3) == 0) {
            LogConfiguration.Builder l = LogConfiguration.builder().logSchemaVersion(r.nextInt(5));
            if (r.nextBoolean()) {
                l.cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(string(r)));
            }
            if (r.nextBoolean()) {
                l.s3Configuration(s3(r));
            }
            b.logConfiguration(l.build());
        }
        if (r.nextInt(3) == 0) {
            ExperimentOptions.Builder o = ExperimentOptions.builder();
            if (r.nextBoolean()) {
                o.accountTargeting(AccountTargeting.values()[r.nextInt(2)]);
            }
            if (r.nextBoolean()) {
                o.emptyTargetResolutionMode(EmptyTargetResolutionMode.values()[r.nextInt(2)]);
            }
            b.experimentOptions(o.build());
        }
        if (r.nextInt(3) == 0) {
            ReportConfiguration.Builder rep = ReportConfiguration.builder();
            if (r.nextBoolean()) {
                rep.s3Configuration(s3(r));
            }
            for (int i = r.nextInt(3); i > 0; i--) {
                rep.addCloudWatchDashboard(string(r));
            }
            if (r.nextBoolean()) {
                rep.preExperimentDuration(string(r));
            }
            if (r.nextBoolean()) {
                rep.postExperimentDuration(string(r));
            }
            b.experimentReportConfiguration(rep.build());
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            TargetAccountConfiguration.Builder a = TargetAccountConfiguration.builder().accountId(string(r))
                    .roleArn(string(r));
            if (r.nextBoolean()) {
                a.description(string(r));
            }
            b.addTargetAccountConfiguration(a.build());
        }
        return b.build();
    }

    private static S3Configuration s3(SplittableRandom r) {
        S3Configuration.Builder s = S3Configuration.builder().bucketName(string(r));
        if (r.nextBoolean()) {
            s.prefix(string(r));
        }
        return s.build();
    }

    private static TemplateTarget target(SplittableRandom r) {
        TemplateTarget.Builder t = TemplateTarget.builder().resourceType(string(r));
        for (int i = r.nextInt(3); i > 0; i--) {
            t.addResourceArn(string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            t.putResourceTag(key(r) + i, string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            Filter.Builder f = Filter.builder().path(string(r));
            for (int j = r.nextInt(3) + 1; j > 0; j--) {
                f.addValue(string(r));
            }
            t.addFilter(f.build());
        }
        int mode = r.nextInt(4);
        t.selectionMode(mode == 0 ? SelectionMode.all() : mode == 1 ? SelectionMode.count(1 + r.nextInt(9))
                : mode == 2 ? SelectionMode.percent(1 + r.nextInt(100)) : SelectionMode.of(string(r)));
        for (int i = r.nextInt(3); i > 0; i--) {
            t.putParameter(key(r) + i, string(r));
        }
        return t.build();
    }

    private static Action action(SplittableRandom r) {
        Action.Builder a = Action.builder().actionId(string(r));
        if (r.nextBoolean()) {
            a.description(string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            a.putParameter(key(r) + i, string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            a.putTarget(key(r) + i, string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            a.addStartAfter(string(r));
        }
        return a.build();
    }
}
