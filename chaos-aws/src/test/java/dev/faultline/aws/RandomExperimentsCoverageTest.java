package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.TemplateMetadata;
import dev.faultline.core.model.TemplateTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link RandomExperiments} reaches what {@link RoundTripPropertyTest} claims to cover: over the
 * property's seeds, each feature below occurs at least once, and each awkward key is used as a
 * key of some map. A generator change that drops one turns this red.
 */
class RandomExperimentsCoverageTest {

    private static List<Experiment> sample() {
        return RoundTripPropertyTest.seeds().mapToObj(RandomExperiments::experiment).toList();
    }

    private static Stream<SteadyStateCondition> conditions(Experiment e) {
        return e.hypothesis().stream().flatMap(h -> h.conditions().stream());
    }

    /** Every key of every map in the experiment. */
    private static Stream<String> keys(Experiment e) {
        return RandomExperiments.keySets(e).flatMap(Set::stream);
    }

    private static Map<String, Predicate<Experiment>> features() {
        Map<String, Predicate<Experiment>> f = new LinkedHashMap<>();
        f.put("hypothesis", e -> e.hypothesis().isPresent());
        f.put("hypothesis description", e -> e.hypothesis().flatMap(Hypothesis::description).isPresent());
        f.put("hypothesis recovery window", e -> e.hypothesis().flatMap(Hypothesis::recoveryWindow).isPresent());
        f.put("negative recovery window", e -> e.hypothesis().flatMap(Hypothesis::recoveryWindow)
                .filter(d -> d.isNegative()).isPresent());
        f.put("steady-state condition", e -> conditions(e).findAny().isPresent());
        f.put("condition metric", e -> conditions(e).anyMatch(c -> c.metricName().isPresent()));
        f.put("condition dimensions", e -> conditions(e).anyMatch(c -> !c.dimensions().isEmpty()));
        f.put("condition threshold", e -> conditions(e).anyMatch(c -> c.threshold().isPresent()));
        f.put("condition comparison", e -> conditions(e).anyMatch(c -> c.comparison().isPresent()));
        f.put("condition without every phase", e -> conditions(e).anyMatch(c -> c.phases().size() < 3));
        f.put("metadata", e -> e.metadata().isPresent());
        f.put("metadata id", e -> e.metadata().flatMap(TemplateMetadata::id).isPresent());
        f.put("metadata arn", e -> e.metadata().flatMap(TemplateMetadata::arn).isPresent());
        f.put("metadata client token", e -> e.metadata().flatMap(TemplateMetadata::clientToken).isPresent());
        f.put("metadata creation time", e -> e.metadata().flatMap(TemplateMetadata::creationTime).isPresent());
        f.put("metadata last update time", e -> e.metadata().flatMap(TemplateMetadata::lastUpdateTime).isPresent());
        f.put("metadata account count", e -> e.metadata().flatMap(TemplateMetadata::targetAccountConfigurationsCount)
                .isPresent());
        f.put("target account configuration", e -> !e.targetAccountConfigurations().isEmpty());
        f.put("report configuration", e -> e.experimentReportConfiguration().isPresent());
        f.put("log configuration", e -> e.logConfiguration().isPresent());
        f.put("target filters", e -> e.targets().values().stream().anyMatch(t -> !t.filters().isEmpty()));
        f.put("action startAfter", e -> e.actions().values().stream().anyMatch(a -> !a.startAfter().isEmpty()));
        f.put("a map whose lone key reads as an intrinsic function", RandomExperiments::hasIntrinsicLookalike);
        f.put("Ref as a key beside others", e -> RandomExperiments.keySets(e)
                .anyMatch(k -> k.size() > 1 && k.contains("Ref")));
        return f;
    }

    @Test
    void sample_hasEveryFeature() {
        List<Experiment> sample = sample();
        Set<String> missing = new TreeSet<>();
        features().forEach((name, feature) -> {
            if (sample.stream().noneMatch(feature)) {
                missing.add(name);
            }
        });
        assertThat(missing).as("features no generated experiment has").isEmpty();
    }

    @Test
    void sample_usesEveryAwkwardKey() {
        Set<String> used = sample().stream().flatMap(RandomExperimentsCoverageTest::keys).collect(Collectors.toSet());
        assertThat(used).containsAll(RandomExperiments.AWKWARD_KEYS);
    }

    @Test
    void keys_findsTheKeysOfEveryMap() {
        Experiment e = Experiment.builder()
                .putTarget("t", TemplateTarget.builder().putResourceTag("rt", "v").putParameter("tp", "v").build())
                .putAction("a", Action.builder().putParameter("ap", "v").putTarget("at", "t").build())
                .putTag("tag", "v")
                .hypothesis(Hypothesis.builder().addCondition(SteadyStateCondition.builder().putDimension("d", "v")
                        .build()).build())
                .build();
        assertThat(keys(e)).containsExactlyInAnyOrder("t", "a", "tag", "rt", "tp", "ap", "at", "d");
    }
}
