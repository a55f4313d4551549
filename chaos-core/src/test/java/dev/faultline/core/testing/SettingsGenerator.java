package dev.faultline.core.testing;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the parts of an experiment around its targets and actions, each as FIS accepts
 * it: log configuration, experiment options, target account configurations, report
 * configuration, steady-state hypothesis and template metadata.
 */
final class SettingsGenerator {

    private static final List<String> STATISTICS = List.of("Sum", "Average", "Minimum", "Maximum", "SampleCount",
            "p99", "p50", "p99.9");
    private static final long[] PERIODS = {1, 5, 10, 30, 60, 120, 300, 3600};
    private static final List<String> REPORT_DURATIONS = List.of("PT20M", "PT5M", "PT1H", "PT1H30M", "P1D");

    private final SplittableRandom random;
    private final RandomText text;
    private final ActionGenerator arns;

    SettingsGenerator(SplittableRandom random, RandomText text, ActionGenerator arns) {
        this.random = random;
        this.text = text;
        this.arns = arns;
    }

    LogConfiguration log() {
        LogConfiguration.Builder b = LogConfiguration.builder()
                .logSchemaVersion(random.nextInt(5) == 0 ? 1 : LogConfiguration.CURRENT_SCHEMA_VERSION);
        int destinations = 1 + random.nextInt(3);
        if ((destinations & 1) != 0) {
            b.cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of("arn:aws:logs:" + region() + ":"
                    + arns.account() + ":log-group:/aws/fis/" + text.word(1, 20) + (random.nextBoolean() ? ":*" : "")));
        }
        if ((destinations & 2) != 0) {
            b.s3Configuration(s3(700));
        }
        return b.build();
    }

    S3Configuration s3(int maxPrefix) {
        S3Configuration.Builder b = S3Configuration.builder().bucketName(text.word(3, 63));
        if (random.nextBoolean()) {
            b.prefix(text.name(Math.min(maxPrefix, 40)));
        }
        return b.build();
    }

    ExperimentOptions options(AccountTargeting targeting) {
        ExperimentOptions.Builder b = ExperimentOptions.builder();
        if (targeting != null) {
            b.accountTargeting(targeting);
        }
        if (random.nextBoolean()) {
            b.emptyTargetResolutionMode(random.nextBoolean() ? EmptyTargetResolutionMode.FAIL : EmptyTargetResolutionMode.SKIP);
        }
        return b.build();
    }

    /** One to three target accounts with distinct IDs, each with a role of its own account. */
    List<TargetAccountConfiguration> accounts() {
        int n = 1 + random.nextInt(3);
        Set<String> ids = new HashSet<>();
        List<TargetAccountConfiguration> accounts = new ArrayList<>();
        while (accounts.size() < n) {
            String id = arns.account();
            if (!ids.add(id)) {
                continue;
            }
            TargetAccountConfiguration.Builder b = TargetAccountConfiguration.builder().accountId(id)
                    .roleArn("arn:aws:iam::" + id + ":role/" + text.word(1, 30));
            if (random.nextBoolean()) {
                b.description(text.any(0, 80));
            }
            accounts.add(b.build());
        }
        return accounts;
    }

    ReportConfiguration report() {
        ReportConfiguration.Builder b = ReportConfiguration.builder().s3Configuration(s3(256));
        int dashboards = random.nextInt(3);
        for (int i = 0; i < dashboards; i++) {
            b.addCloudWatchDashboard("arn:aws:cloudwatch::" + arns.account() + ":dashboard/" + text.word(1, 30));
        }
        if (random.nextBoolean()) {
            b.preExperimentDuration(REPORT_DURATIONS.get(random.nextInt(REPORT_DURATIONS.size())));
        }
        if (random.nextBoolean()) {
            b.postExperimentDuration(REPORT_DURATIONS.get(random.nextInt(REPORT_DURATIONS.size())));
        }
        return b.build();
    }

    Hypothesis hypothesis() {
        Hypothesis.Builder b = Hypothesis.builder();
        if (random.nextBoolean()) {
            b.description(text.any(0, 120));
        }
        if (random.nextBoolean()) {
            b.recoveryWindow(Duration.ofSeconds(random.nextLong(7200)));
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.addCondition(condition());
        }
        return b.build();
    }

    private SteadyStateCondition condition() {
        SteadyStateCondition.Builder b = SteadyStateCondition.builder()
                .namespace(random.nextBoolean() ? "AWS/ApplicationELB" : text.name(40))
                .metricName(random.nextBoolean() ? "HTTPCode_Target_5XX_Count" : text.name(40))
                .statistic(STATISTICS.get(random.nextInt(STATISTICS.size())))
                .comparison(Comparison.values()[random.nextInt(Comparison.values().length)])
                .threshold(threshold());
        if (random.nextBoolean()) {
            b.name(text.any(0, 30));
        }
        int dimensions = random.nextInt(3);
        for (int i = 0; i < dimensions; i++) {
            b.putDimension(text.name(20), text.any(0, 30));
        }
        if (random.nextBoolean()) {
            b.period(Duration.ofSeconds(PERIODS[random.nextInt(PERIODS.length)]));
        }
        if (random.nextBoolean()) {
            Set<CheckPhase> phases = EnumSet.noneOf(CheckPhase.class);
            phases.add(CheckPhase.values()[random.nextInt(3)]);
            for (CheckPhase p : CheckPhase.values()) {
                if (random.nextBoolean()) {
                    phases.add(p);
                }
            }
            b.phases(phases);
        }
        return b.build();
    }

    /** A finite threshold: whole, fractional, tiny or huge. */
    double threshold() {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextInt(1000);
            case 1:
                return Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0;
            case 2:
                return random.nextDouble();
            default:
                return random.nextDouble(-1e300, 1e300);
        }
    }

    TemplateMetadata metadata() {
        String id = "EXT" + text.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 10, 17);
        long created = 1_500_000_000L + random.nextLong(400_000_000L);
        return TemplateMetadata.builder()
                .id(id)
                .arn("arn:aws:fis:" + region() + ":" + arns.account() + ":experiment-template/" + id)
                .clientToken(new java.util.UUID(random.nextLong(), random.nextLong()).toString())
                .creationTime(Instant.ofEpochSecond(created))
                .lastUpdateTime(Instant.ofEpochSecond(created + random.nextLong(1_000_000L), random.nextBoolean()
                        ? 0 : random.nextInt(1_000_000_000)))
                .targetAccountConfigurationsCount(random.nextInt(11))
                .build();
    }

    String region() {
        return ActionGenerator.REGIONS.get(random.nextInt(ActionGenerator.REGIONS.size()));
    }
}
