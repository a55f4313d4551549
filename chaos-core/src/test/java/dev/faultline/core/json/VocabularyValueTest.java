package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import org.junit.jupiter.api.Test;

/**
 * The values of an action id, a resource type, a stop condition's source, a filter's path, a
 * selection mode and an action's target references are read as interned strings, the same instance from one template to the next (so the catalog's lookups compare
 * references, and a template does not allocate them again); any other value, and any value with an
 * escape or too long to cache, reads as before. The catalog interns its ids and types when it
 * loads them.
 */
class VocabularyValueTest {

    private static final String TEMPLATE = "{\"targets\":{\"t\":{\"resourceType\":\"aws:ec2:instance\"}},"
            + "\"actions\":{\"a\":{\"actionId\":\"aws:ec2:stop-instances\",\"description\":\"stop them\"}},"
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:A\"}]}";

    @Test
    void vocabularyValues_areTheSameInternedInstanceEveryRead() {
        Experiment first = TemplateJson.read(TEMPLATE).experiment().orElseThrow();
        Experiment second = TemplateJson.read(TEMPLATE).experiment().orElseThrow();
        String id = first.actions().get("a").actionId().orElseThrow();
        String type = first.targets().get("t").resourceType().orElseThrow();
        String source = first.stopConditions().get(0).source().orElseThrow();

        assertThat(id).isEqualTo("aws:ec2:stop-instances").isSameAs("aws:ec2:stop-instances".intern())
                .isSameAs(second.actions().get("a").actionId().orElseThrow());
        assertThat(type).isSameAs("aws:ec2:instance").isSameAs(second.targets().get("t").resourceType().orElseThrow());
        assertThat(source).isSameAs("aws:cloudwatch:alarm").isSameAs(second.stopConditions().get(0).source().orElseThrow());
        assertThat(Catalog.defaultCatalog().action(id).orElseThrow().id()).as("the catalog's id, interned at load").isSameAs(id);
        assertThat(first.actions().get("a").description().orElseThrow())
                .isEqualTo("stop them").isNotSameAs(second.actions().get("a").description().orElseThrow());
    }

    @Test
    void filterPathsSelectionModesAndTargetReferences_areInternedToo() {
        String template = "{\"targets\":{\"web\":{\"resourceType\":\"aws:ec2:instance\",\"selectionMode\":\"PERCENT(20)\","
                + "\"filters\":[{\"path\":\"Placement.AvailabilityZone\",\"values\":[\"us-east-1a\"]}]}},"
                + "\"actions\":{\"a\":{\"actionId\":\"aws:ec2:stop-instances\",\"targets\":{\"Instances\":\"web\"}}}}";
        Experiment first = TemplateJson.read(template).experiment().orElseThrow();
        Experiment second = TemplateJson.read(template).experiment().orElseThrow();

        assertThat(first.targets().get("web").filters().get(0).path().orElseThrow()).isEqualTo("Placement.AvailabilityZone")
                .isSameAs(second.targets().get("web").filters().get(0).path().orElseThrow());
        assertThat(first.targets().get("web").selectionMode().orElseThrow().text()).isEqualTo("PERCENT(20)")
                .isSameAs(second.targets().get("web").selectionMode().orElseThrow().text());
        assertThat(first.actions().get("a").targets().get("Instances")).isEqualTo("web")
                .as("the reference is the target's own key, cached with the field names")
                .isSameAs(first.targets().keySet().iterator().next())
                .isSameAs(second.actions().get("a").targets().get("Instances"));
        assertThat(first.targets().get("web").filters().get(0).values().get(0)).as("a filter value is not vocabulary")
                .isNotSameAs(second.targets().get("web").filters().get(0).values().get(0));
    }

    @Test
    void anEscapedOrLongVocabularyValue_readsAsWritten() {
        String longId = "aws:ec2:" + "x".repeat(80);
        Action escaped = TemplateJson.read("{\"actions\":{\"a\":{\"actionId\":\"\\u0061ws:ec2:stop-instances\"}}}")
                .experiment().orElseThrow().actions().get("a");
        Action tooLong = TemplateJson.read("{\"actions\":{\"a\":{\"actionId\":\"" + longId + "\"}}}")
                .experiment().orElseThrow().actions().get("a");
        Action number = TemplateJson.read("{\"actions\":{\"a\":{\"actionId\":5}}}").experiment().orElseThrow().actions().get("a");

        assertThat(escaped.actionId()).contains("aws:ec2:stop-instances");
        assertThat(tooLong.actionId()).contains(longId);
        assertThat(number.actionId()).contains("5");
    }
}
