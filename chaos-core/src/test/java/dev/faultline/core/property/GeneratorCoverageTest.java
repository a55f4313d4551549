package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.Seeds;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generators reach every part of the model: over one property's worth of seeds, each
 * feature below occurs at least once, and every action of the catalog is drawn.
 */
class GeneratorCoverageTest {

    private static final Map<String, Predicate<Experiment>> FEATURES = features();

    @Test
    void validSample_coversEveryFieldAndEveryCatalogAction() {
        List<Experiment> sample = sample(ExperimentGenerator.valid());
        Set<String> missing = new TreeSet<>();
        FEATURES.forEach((name, feature) -> {
            if (sample.stream().noneMatch(feature)) {
                missing.add(name);
            }
        });
        assertThat(missing).as("features no generated experiment has").isEmpty();

        Set<String> drawn = sample.stream().flatMap(e -> e.actions().values().stream())
                .map(a -> a.actionId().orElse("")).collect(Collectors.toSet());
        assertThat(drawn).containsAll(Catalog.defaultCatalog().actionIds());
    }

    @Test
    void anySample_alsoHoldsWhatFisRefuses() {
        List<Experiment> sample = sample(ExperimentGenerator.any());
        assertThat(sample).anyMatch(e -> targets(e).stream()
                .anyMatch(t -> t.selectionMode().filter(m -> !m.isValid()).isPresent()));
        assertThat(sample).anyMatch(e -> actions(e).stream().anyMatch(a -> a.actionId().isEmpty()));
        assertThat(sample).anyMatch(e -> e.hypothesis().filter(h -> h.recoveryWindow()
                .filter(d -> d.isNegative()).isPresent()).isPresent());
    }

    @Test
    void anySample_keepsEmptyCollectionsOfEveryKind_inItsLayout() {
        Set<CollectionField> kept = Seeds.cases("coverage").mapToObj(ExperimentGenerator.any()::generateWithLayout)
                .flatMap(g -> g.layout().keptEmpty().stream()).map(FieldLocation::field)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CollectionField.class)));
        // every field the edge cases may leave empty (not targets, actions or accounts, which they fill)
        assertThat(kept).as("fields kept empty in some generated layout").containsAll(EnumSet.complementOf(
                EnumSet.of(CollectionField.TARGETS, CollectionField.ACTIONS, CollectionField.TARGET_ACCOUNT_CONFIGURATIONS)));
    }

    private static List<Experiment> sample(ExperimentGenerator generator) {
        return Seeds.cases("coverage").mapToObj(generator::generate).collect(Collectors.toList());
    }

    private static Collection<TemplateTarget> targets(Experiment e) {
        return e.targets().values();
    }

    private static Collection<Action> actions(Experiment e) {
        return e.actions().values();
    }

    private static Map<String, Predicate<Experiment>> features() {
        Map<String, Predicate<Experiment>> f = new HashMap<>();
        f.put("target by ARNs", e -> targets(e).stream().anyMatch(t -> !t.resourceArns().isEmpty()));
        f.put("target by tags", e -> targets(e).stream().anyMatch(t -> !t.resourceTags().isEmpty()));
        f.put("target filters", e -> targets(e).stream().anyMatch(t -> !t.filters().isEmpty()));
        f.put("target parameters", e -> targets(e).stream().anyMatch(t -> !t.parameters().isEmpty()));
        for (SelectionMode.Kind kind : List.of(SelectionMode.Kind.ALL, SelectionMode.Kind.COUNT, SelectionMode.Kind.PERCENT)) {
            f.put("selection " + kind, e -> targets(e).stream()
                    .anyMatch(t -> t.selectionMode().filter(m -> m.kind() == kind).isPresent()));
        }
        f.put("target shared by two actions", e -> actions(e).stream().flatMap(a -> a.targets().values().stream())
                .collect(Collectors.groupingBy(n -> n, Collectors.counting())).values().stream().anyMatch(c -> c > 1));
        f.put("action parameters", e -> actions(e).stream().anyMatch(a -> !a.parameters().isEmpty()));
        f.put("action description", e -> actions(e).stream().anyMatch(a -> a.description().isPresent()));
        f.put("SSM document parameters", e -> actions(e).stream().anyMatch(a -> a.parameters().containsKey("documentParameters")));
        f.put("startAfter", e -> actions(e).stream().anyMatch(a -> a.startAfter().size() > 1));
        f.put("alarm stop condition", e -> e.stopConditions().stream().anyMatch(s -> s.isAlarm()));
        f.put("none stop condition", e -> e.stopConditions().stream().anyMatch(s -> s.source().orElse("").equals("none")));
        f.put("tags", e -> !e.tags().isEmpty());
        f.put("name", e -> e.name().isPresent());
        f.put("CloudWatch Logs", e -> e.logConfiguration().flatMap(l -> l.cloudWatchLogsConfiguration()).isPresent());
        f.put("S3 log", e -> e.logConfiguration().flatMap(l -> l.s3Configuration()).isPresent());
        f.put("multi-account", e -> e.experimentOptions().flatMap(o -> o.accountTargeting())
                .filter(AccountTargeting.MULTI_ACCOUNT::equals).isPresent());
        f.put("empty target resolution", e -> e.experimentOptions().flatMap(o -> o.emptyTargetResolutionMode()).isPresent());
        f.put("target accounts", e -> e.targetAccountConfigurations().size() > 1);
        f.put("report dashboards", e -> e.experimentReportConfiguration()
                .filter(r -> !r.cloudWatchDashboards().isEmpty() && r.preExperimentDuration().isPresent()).isPresent());
        f.put("hypothesis", e -> e.hypothesis().filter(h -> h.recoveryWindow().isPresent() && h.conditions().stream()
                .anyMatch(c -> !c.dimensions().isEmpty() && c.phases().size() < 3)).isPresent());
        f.put("metadata", e -> e.metadata().filter(m -> m.lastUpdateTime().filter(t -> t.getNano() > 0).isPresent()).isPresent());
        f.put("supplementary characters", e -> TemplateJson.write(e).codePoints().anyMatch(Character::isSupplementaryCodePoint));
        f.put("escaped control characters", e -> TemplateJson.write(e).contains("\\u00"));
        f.put("JSON Pointer escapes in names", e -> e.targets().keySet().stream().anyMatch(n -> n.contains("/") || n.contains("~")));
        return f;
    }
}
