package dev.faultline.core.testing;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values the model can hold but FIS would refuse, for the {@link ExperimentGenerator.Profile#ANY}
 * profile: the JSON round trip must keep them too. Empty collections kept from the source,
 * selection modes outside FIS's grammar, unknown action ids, dangling and cyclic startAfter
 * references, empty strings, extreme numbers and instants, empty hypotheses and reports.
 */
final class EdgeCases {

    /** Log schema versions, including both ends of the int range. */
    // the edges of the whole-number fields the reader accepts: 0 to the type's maximum (a
    // negative logSchemaVersion or targetAccountConfigurationsCount is a json.type error)
    private static final int[] INTS = {0, 1, 3, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    private static final long[] LONGS = {0, 1, Integer.MAX_VALUE + 1L, Long.MAX_VALUE};
    /** Thresholds; each is also used negated, so -0.0 comes up too. */
    private static final double[] DOUBLES = {0.0, 1e15, 1e16, -1e15 - 1, Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 0.1, 1.0 / 3, 123456789.125};
    private static final Instant[] INSTANTS = {Instant.EPOCH, Instant.ofEpochSecond(-5, 300),
        Instant.ofEpochSecond(1_700_000_000L, 999_999_999), Instant.MAX, Instant.MIN};
    private static final Duration[] DURATIONS = {Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(-60),
        Duration.ofNanos(1), Duration.ofDays(400), Duration.ofSeconds(59, 999_999_999)};

    private final SplittableRandom random;
    private final RandomText text;
    private final ActionGenerator generator;

    EdgeCases(SplittableRandom random, RandomText text, ActionGenerator generator) {
        this.random = random;
        this.text = text;
        this.generator = generator;
    }

    /** Applies a random selection of edge cases to a builder holding a generated experiment. */
    void apply(Experiment.Builder b, Experiment e) {
        if (chance()) {
            b.putTarget(generator.uniqueName(), oddTarget());
        }
        if (chance()) {
            b.putAction(generator.uniqueName(), oddAction(new ArrayList<>(e.actions().keySet())));
        }
        if (chance()) {
            b.tags(java.util.Map.of()).addKeptEmpty("tags");
        } else if (chance()) {
            b.putTag("", text.any(0, 3));
        }
        if (chance()) {
            b.stopConditions(List.of()).addKeptEmpty("stopConditions");
        } else if (chance()) {
            b.addStopCondition(StopCondition.builder().value(text.any(0, 20)).build())
                    .addStopCondition(StopCondition.builder().build());
        }
        if (chance()) {
            b.description(random.nextBoolean() ? "" : text.any(500, 600));
        }
        if (chance()) {
            b.logConfiguration(LogConfiguration.builder().logSchemaVersion(INTS[random.nextInt(INTS.length)]).build());
        }
        if (chance()) {
            b.experimentReportConfiguration(oddReport());
        }
        if (chance()) {
            b.hypothesis(oddHypothesis());
        }
        if (chance()) {
            b.addTargetAccountConfiguration(TargetAccountConfiguration.builder().build());
        }
        if (chance()) {
            b.metadata(oddMetadata());
        }
    }

    private boolean chance() {
        return random.nextInt(3) == 0;
    }

    private TemplateTarget oddTarget() {
        TemplateTarget.Builder t = TemplateTarget.builder();
        if (random.nextBoolean()) {
            t.resourceType(text.any(0, 20));
        }
        String mode = random.nextBoolean() ? text.any(0, 12)
                : List.of("COUNT(0)", "PERCENT(500)", "count(3)", "PERCENT( 5)", "COUNT(99999999999999999999)",
                        "ALL ", "PERCENT()").get(random.nextInt(7));
        t.selectionMode(SelectionMode.of(mode));
        for (String field : List.of("resourceArns", "resourceTags", "filters", "parameters")) {
            if (random.nextBoolean()) {
                t.addKeptEmpty(field);
            }
        }
        if (random.nextBoolean()) {
            t.addFilter(Filter.builder().addKeptEmpty("values").build());
        }
        return t.build();
    }

    private Action oddAction(List<String> names) {
        Action.Builder a = Action.builder();
        if (random.nextBoolean()) {
            a.actionId(random.nextBoolean() ? text.any(0, 30) : "aws:ec2:stop-instance");
        }
        a.putParameter(text.any(0, 10), text.any(0, 10));
        a.putTarget(text.any(0, 10), text.any(0, 10));
        a.addStartAfter(text.any(0, 10));
        names.forEach(n -> {
            if (random.nextInt(4) == 0) {
                a.addStartAfter(n);
            }
        });
        for (String field : List.of("parameters", "targets", "startAfter")) {
            if (random.nextInt(4) == 0) {
                a.addKeptEmpty(field);
            }
        }
        return a.build();
    }

    private ReportConfiguration oddReport() {
        ReportConfiguration.Builder r = ReportConfiguration.builder();
        for (String field : List.of("outputs", "dataSources", "cloudWatchDashboards")) {
            if (random.nextBoolean()) {
                r.addKeptEmpty(field);
            }
        }
        if (random.nextBoolean()) {
            r.preExperimentDuration(text.any(0, 10));
        }
        return r.build();
    }

    private Hypothesis oddHypothesis() {
        Hypothesis.Builder h = Hypothesis.builder();
        if (random.nextBoolean()) {
            h.recoveryWindow(DURATIONS[random.nextInt(DURATIONS.length)]);
        }
        if (random.nextBoolean()) {
            h.addCondition(SteadyStateCondition.builder()
                    .period(DURATIONS[random.nextInt(DURATIONS.length)])
                    .threshold(threshold())
                    .phases(random.nextBoolean() ? List.<CheckPhase>of() : List.of(CheckPhase.AFTER))
                    .build());
        }
        return h.build();
    }

    private double threshold() {
        double d = DOUBLES[random.nextInt(DOUBLES.length)];
        return random.nextBoolean() ? -d : d;
    }

    private TemplateMetadata oddMetadata() {
        return TemplateMetadata.builder()
                .id(text.any(0, 20))
                .creationTime(INSTANTS[random.nextInt(INSTANTS.length)])
                .lastUpdateTime(INSTANTS[random.nextInt(INSTANTS.length)])
                .targetAccountConfigurationsCount(LONGS[random.nextInt(LONGS.length)])
                .build();
    }
}
