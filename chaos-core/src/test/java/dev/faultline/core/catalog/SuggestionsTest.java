package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final Catalog CATALOG = Catalog.defaultCatalog();

    @Test
    void nearest_missingLetterInParameterName_suggestsTheParameter() {
        var stop = CATALOG.action("aws:ec2:stop-instances").orElseThrow();
        assertThat(Suggestions.nearest("startInstanceAfterDuration", stop.parameters().keySet(), 3))
                .containsExactly("startInstancesAfterDuration");
    }

    @Test
    void nearest_wrongCaseTargetKey_suggestsTheKey() {
        assertThat(Suggestions.nearest("instances", CATALOG.targetKeys(), 3)).first().isEqualTo("Instances");
        assertThat(Suggestions.nearest("vpcEndpoints", CATALOG.targetKeys(), 1)).containsExactly("VPCEndpoints");
    }

    @Test
    void nearest_typoInStopConditionSource_suggestsAlarm() {
        assertThat(Suggestions.nearest("aws:cloudwatch:alrm", List.of("none", "aws:cloudwatch:alarm"), 3))
                .containsExactly("aws:cloudwatch:alarm");
    }

    @Test
    void nearest_actionIdTypos_suggestTheAction() {
        assertThat(Suggestions.best("aws:ec2:terminate-instance", CATALOG.actionIds())).contains("aws:ec2:terminate-instances");
        assertThat(Suggestions.best("aws:ec2:stop_instances", CATALOG.actionIds())).contains("aws:ec2:stop-instances");
        assertThat(Suggestions.best("aws:ecs:stop-tasks", CATALOG.actionIds())).contains("aws:ecs:stop-task");
        assertThat(Suggestions.best("aws:ebs:pause-volume-oi", CATALOG.actionIds())).contains("aws:ebs:pause-volume-io");
    }

    @Test
    void nearest_separatorsAreIgnored() {
        assertThat(Suggestions.best("start_instances_after_duration", List.of("startInstancesAfterDuration")))
                .contains("startInstancesAfterDuration");
    }

    @Test
    void nearest_transposition_countsAsOneEdit() {
        assertThat(Suggestions.distance("duartion", "duration")).isEqualTo(1);
        assertThat(Suggestions.best("duartion", List.of("duration", "region"))).contains("duration");
    }

    @Test
    void nearest_unrelatedInput_suggestsNothing() {
        assertThat(Suggestions.nearest("banana", CATALOG.targetKeys(), 3)).isEmpty();
        assertThat(Suggestions.nearest("aws:foo:bar", CATALOG.actionIds(), 3)).isEmpty();
        assertThat(Suggestions.best("x", List.of("duration"))).isEmpty();
    }

    @Test
    void nearest_ordersBestFirst_andHonoursMax() {
        List<String> candidates = Arrays.asList("Clusters", "Cluster", "Clustr", null, "Cluster");
        assertThat(Suggestions.nearest("Cluster", candidates, 5)).containsExactly("Cluster", "Clusters", "Clustr");
        assertThat(Suggestions.nearest("Cluster", candidates, 1)).containsExactly("Cluster");
        assertThat(Suggestions.nearest("Cluster", candidates, 0)).isEmpty();
    }

    @Test
    void nearest_prefersTheCandidateWithTheSameCase() {
        assertThat(Suggestions.nearest("Instance", List.of("instances", "Instances"), 2)).containsExactly("Instances", "instances");
    }

    @Test
    void nearest_rejectsBadArguments() {
        assertThatNullPointerException().isThrownBy(() -> Suggestions.nearest(null, List.of(), 1));
        assertThatNullPointerException().isThrownBy(() -> Suggestions.nearest("a", null, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Suggestions.nearest("a", List.of(), -1));
    }

    @Test
    void limit_growsWithTheInputButStaysSmall() {
        assertThat(Suggestions.limitFor(1)).isEqualTo(1);
        assertThat(Suggestions.limitFor(8)).isEqualTo(2);
        assertThat(Suggestions.limitFor(12)).isEqualTo(3);
        assertThat(Suggestions.limitFor(40)).isEqualTo(4);
    }
}
