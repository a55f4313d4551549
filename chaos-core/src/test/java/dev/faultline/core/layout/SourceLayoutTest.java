package dev.faultline.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceLayoutTest {

    @Test
    void location_takesOnlyTheKeysItsOwnerHas() {
        assertThat(FieldLocation.of(CollectionField.TAGS)).hasToString("/tags");
        assertThat(FieldLocation.of(CollectionField.ACTION_START_AFTER, "a/b~c"))
                .hasToString("/actions/a~1b~0c/startAfter");
        assertThat(FieldLocation.filterValues("workers", 2)).hasToString("/targets/workers/filters/2/values");
        assertThat(FieldLocation.of(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS))
                .hasToString("/experimentReportConfiguration/dataSources/cloudWatchDashboards");

        assertThatThrownBy(() -> FieldLocation.of(CollectionField.TARGET_FILTERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> FieldLocation.of(CollectionField.TAGS, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldLocation.filterValues("workers", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldLocation(CollectionField.TAGS, "stop", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no key");
        assertThatThrownBy(() -> new FieldLocation(CollectionField.ACTION_TARGETS, "stop", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no filter index");
    }

    @Test
    void layout_answersByLocation_andIsAValue() {
        SourceLayout layout = SourceLayout.builder().keepEmpty(FieldLocation.of(CollectionField.TAGS))
                .keepEmpty(FieldLocation.of(CollectionField.ACTION_TARGETS, "stop"))
                .keepEmpty(FieldLocation.filterValues("workers", 1)).build();

        assertThat(layout.keptEmpty(CollectionField.TAGS)).isTrue();
        assertThat(layout.keptEmpty(CollectionField.STOP_CONDITIONS)).isFalse();
        assertThat(layout.keptEmpty(CollectionField.ACTION_TARGETS, "stop")).isTrue();
        assertThat(layout.keptEmpty(CollectionField.ACTION_TARGETS, "start")).isFalse();
        assertThat(layout.keptEmpty(CollectionField.ACTION_PARAMETERS, "stop")).isFalse();
        assertThat(layout.filterValuesKeptEmpty("workers", 1)).isTrue();
        assertThat(layout.filterValuesKeptEmpty("workers", 0)).isFalse();
        assertThat(layout).hasToString("SourceLayout[keptEmpty=/tags, /actions/stop/targets, /targets/workers/filters/1/values]");

        SourceLayout same = SourceLayout.of(Set.of(FieldLocation.filterValues("workers", 1),
                FieldLocation.of(CollectionField.TAGS), FieldLocation.of(CollectionField.ACTION_TARGETS, "stop")));
        assertThat(same).isEqualTo(layout).hasSameHashCodeAs(layout);
        assertThat(SourceLayout.builder().build()).isSameAs(SourceLayout.NONE);
        assertThat(SourceLayout.NONE.isEmpty()).isTrue();
        assertThatThrownBy(() -> layout.keptEmpty().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void forget_dropsOneElement_orAllOfAKind_andATargetTakesItsFiltersAlong() {
        SourceLayout.Builder b = SourceLayout.builder()
                .keepEmpty(FieldLocation.of(CollectionField.TARGET_RESOURCE_ARNS, "a"))
                .keepEmpty(FieldLocation.filterValues("a", 0))
                .keepEmpty(FieldLocation.of(CollectionField.TARGET_PARAMETERS, "b"))
                .keepEmpty(FieldLocation.of(CollectionField.ACTION_TARGETS, "a"))
                .keepEmpty(FieldLocation.of(CollectionField.REPORT_OUTPUTS))
                .keepEmpty(FieldLocation.of(CollectionField.TAGS));

        assertThat(b.forget(CollectionField.Owner.TARGET, "a").build().keptEmpty()).containsExactly(
                FieldLocation.of(CollectionField.TARGET_PARAMETERS, "b"), FieldLocation.of(CollectionField.ACTION_TARGETS, "a"),
                FieldLocation.of(CollectionField.REPORT_OUTPUTS), FieldLocation.of(CollectionField.TAGS));
        assertThat(b.forget(CollectionField.Owner.REPORT, null).forget(CollectionField.Owner.ACTION, null).build().keptEmpty())
                .containsExactly(FieldLocation.of(CollectionField.TARGET_PARAMETERS, "b"), FieldLocation.of(CollectionField.TAGS));
        assertThat(b.keepEmpty(FieldLocation.filterValues("b", 3)).forgetFilters("b").build().keptEmpty())
                .containsExactly(FieldLocation.of(CollectionField.TARGET_PARAMETERS, "b"), FieldLocation.of(CollectionField.TAGS));
    }
}
