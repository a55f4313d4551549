package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reader records each collection present but empty at its typed location, and the writer gives it back. */
class SourceLayoutReadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every collection field of a template, present and empty, in both the fast and the Jackson reader's shape. */
    private static final String ALL_EMPTY = """
            {"targets":{"t/1":{"resourceArns":[],"resourceTags":{},"filters":[{"path":"p","values":[]}],"parameters":{}}},
             "actions":{"a":{"parameters":{},"targets":{},"startAfter":[]}},
             "stopConditions":[],"tags":{},"targetAccountConfigurations":[],
             "experimentReportConfiguration":{"outputs":{},"dataSources":{"cloudWatchDashboards":[]}}}
            """;

    @Test
    void everyCollectionField_presentButEmpty_isRecordedAtItsLocation_andWrittenBack() throws Exception {
        for (ReadResult read : java.util.List.of(TemplateJson.read(ALL_EMPTY),
                TemplateJson.read(new java.io.StringReader(ALL_EMPTY)))) {
            Set<FieldLocation> kept = read.layout().keptEmpty();
            assertThat(kept).contains(FieldLocation.of(CollectionField.TARGET_RESOURCE_ARNS, "t/1"),
                    FieldLocation.filterValues("t/1", 0), FieldLocation.of(CollectionField.ACTION_START_AFTER, "a"),
                    FieldLocation.of(CollectionField.STOP_CONDITIONS), FieldLocation.of(CollectionField.REPORT_OUTPUTS),
                    FieldLocation.of(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS));
            // all but targets, actions and filters, which hold one element each, and dataSources, which holds its list
            assertThat(kept.stream().map(FieldLocation::field).collect(Collectors.toSet())).isEqualTo(
                    EnumSet.complementOf(EnumSet.of(CollectionField.TARGETS, CollectionField.ACTIONS,
                            CollectionField.TARGET_FILTERS, CollectionField.REPORT_DATA_SOURCES)));
            assertThat(MAPPER.readTree(TemplateJson.write(read.experiment().orElseThrow(), read.layout())))
                    .isEqualTo(MAPPER.readTree(ALL_EMPTY));
        }
        assertThat(TemplateJson.read("{\"targets\":{},\"actions\":{},\"experimentReportConfiguration\":{\"dataSources\":{}}}")
                .layout().keptEmpty()).containsExactly(FieldLocation.of(CollectionField.TARGETS),
                        FieldLocation.of(CollectionField.ACTIONS), FieldLocation.of(CollectionField.REPORT_DATA_SOURCES));
    }

    @Test
    void aRepeatedKey_orSection_forgetsWhatItsEarlierValueRecorded() {
        ReadResult read = TemplateJson.read("""
                {"actions":{"a":{"startAfter":[]},"a":{"targets":{}}},
                 "targets":{"t":{"filters":[{"values":[]}]},"t":{"resourceTags":{"k":"v"}}},
                 "experimentReportConfiguration":{"outputs":{}},"experimentReportConfiguration":{}}
                """);
        assertThat(read.layout().keptEmpty()).containsExactly(FieldLocation.of(CollectionField.ACTION_TARGETS, "a"));
        assertThat(TemplateJson.write(read.experiment().orElseThrow(), read.layout()))
                .isEqualTo("{\"targets\":{\"t\":{\"resourceTags\":{\"k\":\"v\"}}},\"actions\":{\"a\":{\"targets\":{}}},"
                        + "\"experimentReportConfiguration\":{}}");
    }

    @Test
    void aFiltersIndex_isItsIndexInTheModel_notInTheSource() {
        // the non-object element is skipped (an error), so the second source filter is the model's first
        ReadResult read = TemplateJson.read("{\"targets\":{\"t\":{\"filters\":[7,{\"path\":\"p\",\"values\":[]}]}}}");
        assertThat(read.layout().keptEmpty()).containsExactly(FieldLocation.filterValues("t", 0));
        assertThat(TemplateJson.write(read.experiment().orElseThrow(), read.layout()))
                .isEqualTo("{\"targets\":{\"t\":{\"filters\":[{\"path\":\"p\",\"values\":[]}]}}}");
    }

    @Test
    void nothingRead_hasNoLayout() {
        assertThat(TemplateJson.read("[]").layout()).isSameAs(SourceLayout.NONE);
        assertThat(TemplateJson.read("{\"tags\":{}").layout()).as("malformed: no experiment").isSameAs(SourceLayout.NONE);
    }
}
