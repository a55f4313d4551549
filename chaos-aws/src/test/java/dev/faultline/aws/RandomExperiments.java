package dev.faultline.aws;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Seeded generator of experiments for property tests: any shape the model allows (not
 * necessarily valid for FIS), with strings that are hard to quote in JSON and YAML, map keys
 * that other layers may misread ({@link #AWKWARD_KEYS}), a hypothesis and template metadata.
 * {@code RandomExperimentsCoverageTest} fails when one of these stops being generated.
 */
final class RandomExperiments {

    private static final List<String> NASTY = List.of("", " ", "yes", "no", "on", "off", "true", "False", "null", "~",
            "NULL", "123", "0x1F", "1e3", "0.5", "-", "- item", "? key", ": colon", "a: b", "#comment", "a #b",
            "&anchor", "*alias", "!tag", "!Ref X", "%percent", "@at", "`tick`", "'single'", "\"double\"",
            "multi\nline", "tab\there", " leading", "trailing ", "{braces}", "[brackets]", "a,b", "x|y", ">fold",
            "2010-09-09", "12:30:00", "PT5M", "PERCENT(20)", "ünïcødé", "日本語", "emoji 🙂", "\u00a0nbsp",
            "back\\slash", "${AWS::Region}", "<YOUR AWS ACCOUNT>", "{{ aws:region }}", "arn:aws:ec2:us-east-1:1:instance/i-1",
            "\u0001ctl", "=", "Ref", "Fn::Sub", "/slash/~tilde");

    /**
     * Map keys that a layer may misread: empty, YAML and JSON keywords, CloudFormation's
     * intrinsic function names, a number, non-ASCII text.
     */
    static final List<String> AWKWARD_KEYS = List.of("", "true", "null", "Ref", "Fn::GetAtt", "0", "~", " ",
            "ünïcødé", "日本語", "🙂");

    private RandomExperiments() {}

    /** The key set of every map in an experiment (targets, actions, tags, parameters, dimensions…). */
    static Stream<Set<String>> keySets(Experiment e) {
        return Stream.of(Stream.of(e.targets().keySet(), e.actions().keySet(), e.tags().keySet()),
                e.targets().values().stream().flatMap(t -> Stream.of(t.resourceTags().keySet(),
                        t.parameters().keySet())),
                e.actions().values().stream().flatMap(a -> Stream.of(a.parameters().keySet(), a.targets().keySet())),
                e.hypothesis().stream().flatMap(h -> h.conditions().stream()).map(c -> c.dimensions().keySet()))
                .flatMap(s -> s);
    }

    /** Whether a map of the experiment has a lone key that CloudFormation reads as an intrinsic function. */
    static boolean hasIntrinsicLookalike(Experiment e) {
        return keySets(e).anyMatch(keys -> keys.size() == 1
                && keys.iterator().next().matches("Ref|Fn::[A-Za-z]+(::[A-Za-z0-9]+)?"));
    }

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

    /** A key not yet taken in its map: one of {@link #AWKWARD_KEYS} a third of the time, else a string and a number. */
    private static String key(SplittableRandom r, int i, Set<String> taken) {
        String k = r.nextInt(3) == 0 ? AWKWARD_KEYS.get(r.nextInt(AWKWARD_KEYS.size())) : string(r) + i;
        while (!taken.add(k)) {
            k = k + "#" + i;
        }
        return k;
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
        Set<String> targets = new HashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            b.putTarget(key(r, i, targets), target(r));
        }
        Set<String> actions = new HashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            b.putAction(key(r, i, actions), action(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.addStopCondition(r.nextBoolean() ? StopCondition.none()
                    : StopCondition.builder().source(string(r)).value(string(r)).build());
        }
        if (r.nextInt(4) > 0) {
            b.roleArn(string(r));
        }
        Set<String> tags = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            b.putTag(key(r, i, tags), string(r));
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
        if (r.nextInt(3) == 0) {
            b.hypothesis(hypothesis(r));
        }
        if (r.nextInt(3) == 0) {
            b.metadata(metadata(r));
        }
        return b.build();
    }

    private static Hypothesis hypothesis(SplittableRandom r) {
        Hypothesis.Builder h = Hypothesis.builder();
        if (r.nextBoolean()) {
            h.description(string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            SteadyStateCondition.Builder c = SteadyStateCondition.builder();
            if (r.nextBoolean()) {
                c.name(string(r));
            }
            if (r.nextBoolean()) {
                c.namespace(string(r)).metricName(string(r));
            }
            Set<String> dimensions = new HashSet<>();
            for (int j = r.nextInt(3); j > 0; j--) {
                c.putDimension(key(r, j, dimensions), string(r));
            }
            if (r.nextBoolean()) {
                c.statistic(string(r));
            }
            if (r.nextBoolean()) {
                c.period(Duration.ofSeconds(1 + r.nextInt(3600)));
            }
            if (r.nextBoolean()) {
                c.comparison(Comparison.values()[r.nextInt(Comparison.values().length)]);
            }
            if (r.nextBoolean()) {
                double[] thresholds = {0, 0.1, 1e-7, 1e21, -5.5, 123456789.125, 5};
                c.threshold(thresholds[r.nextInt(thresholds.length)]);
            }
            if (r.nextBoolean()) {
                EnumSet<CheckPhase> phases = EnumSet.noneOf(CheckPhase.class);
                for (CheckPhase phase : CheckPhase.values()) {
                    if (r.nextBoolean()) {
                        phases.add(phase);
                    }
                }
                c.phases(phases);
            }
            h.addCondition(c.build());
        }
        if (r.nextBoolean()) {
            h.recoveryWindow(Duration.ofSeconds(r.nextInt(7200) - 600));
        }
        return h.build();
    }

    private static TemplateMetadata metadata(SplittableRandom r) {
        TemplateMetadata.Builder m = TemplateMetadata.builder();
        if (r.nextBoolean()) {
            m.id(string(r));
        }
        if (r.nextBoolean()) {
            m.arn(string(r));
        }
        if (r.nextBoolean()) {
            m.clientToken(string(r));
        }
        if (r.nextBoolean()) {
            m.creationTime(Instant.ofEpochSecond(1_500_000_000L + r.nextInt(200_000_000)));
        }
        if (r.nextBoolean()) {
            m.lastUpdateTime(Instant.ofEpochSecond(1_500_000_000L + r.nextInt(200_000_000)));
        }
        if (r.nextBoolean()) {
            m.targetAccountConfigurationsCount((long) r.nextInt(100));
        }
        return m.build();
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
        Set<String> tagKeys = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            t.putResourceTag(key(r, i, tagKeys), string(r));
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
        Set<String> parameters = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            t.putParameter(key(r, i, parameters), string(r));
        }
        return t.build();
    }

    private static Action action(SplittableRandom r) {
        Action.Builder a = Action.builder().actionId(string(r));
        if (r.nextBoolean()) {
            a.description(string(r));
        }
        Set<String> parameters = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            a.putParameter(key(r, i, parameters), string(r));
        }
        Set<String> targets = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            a.putTarget(key(r, i, targets), string(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            a.addStartAfter(string(r));
        }
        return a.build();
    }
}
