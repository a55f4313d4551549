package dev.faultline.core.testing;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
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

    /**
     * Applies a random selection of edge cases to a builder holding a generated experiment,
     * recording the empty collections it keeps in {@code layout}.
     */
    void apply(Experiment.Builder b, Experiment e, SourceLayout.Builder layout) {
        if (chance()) {
            String name = generator.uniqueName();
            b.putTarget(name, oddTarget(name, layout));
        }
        if (chance()) {
            String name = generator.uniqueName();
            b.putAction(name, oddAction(name, new ArrayList<>(e.actions().keySet()), layout));
        }
        if (chance()) {
            b.tags(java.util.Map.of());
            layout.keepEmpty(FieldLocation.of(CollectionField.TAGS));
        } else if (chance()) {
            b.putTag("", text.any(0, 3));
        }
        if (chance()) {
            b.stopConditions(List.of());
            layout.keepEmpty(FieldLocation.of(CollectionField.STOP_CONDITIONS));
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
            b.experimentReportConfiguration(oddReport(layout));
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

    private TemplateTarget oddTarget(String name, SourceLayout.Builder layout) {
        TemplateTarget.Builder t = TemplateTarget.builder();
        if (random.nextBoolean()) {
            t.resourceType(text.any(0, 20));
        }
        String mode = random.nextBoolean() ? text.any(0, 12)
                : List.of("COUNT(0)", "PERCENT(500)", "count(3)", "PERCENT( 5)", "COUNT(99999999999999999999)",
                        "ALL ", "PERCENT()").get(random.nextInt(7));
        t.selectionMode(SelectionMode.of(mode));
        for (CollectionField field : List.of(CollectionField.TARGET_RESOURCE_ARNS, CollectionField.TARGET_RESOURCE_TAGS,
                CollectionField.TARGET_FILTERS, CollectionField.TARGET_PARAMETERS)) {
            if (random.nextBoolean()) {
                layout.keepEmpty(FieldLocation.of(field, name));
            }
        }
        if (random.nextBoolean()) {
            t.addFilter(Filter.builder().build());
            layout.keepEmpty(FieldLocation.filterValues(name, 0));
        }
        return t.build();
    }

    private Action oddAction(String name, List<String> names, SourceLayout.Builder layout) {
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
        for (CollectionField field : List.of(CollectionField.ACTION_PARAMETERS, CollectionField.ACTION_TARGETS,
                CollectionField.ACTION_START_AFTER)) {
            if (random.nextInt(4) == 0) {
                layout.keepEmpty(FieldLocation.of(field, name));
            }
        }
        return a.build();
    }

    private ReportConfiguration oddReport(SourceLayout.Builder layout) {
        ReportConfiguration.Builder r = ReportConfiguration.builder();
        layout.forget(CollectionField.Owner.REPORT, null); // the report replaces any generated one
        for (CollectionField field : List.of(CollectionField.REPORT_OUTPUTS, CollectionField.REPORT_DATA_SOURCES,
                CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS)) {
            if (random.nextBoolean()) {
                layout.keepEmpty(FieldLocation.of(field));
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
