package dev.faultline.core.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The source layout lives beside the model, never in it: no model type knows the layout
 * package or has an attribute about the source's layout, so equal content is equal whatever
 * the source looked like; the layout still reaches the writer and the validator.
 */
class ModelIsFreeOfLayoutTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.faultline.core.model");

    @Test
    void noModelType_dependsOnTheLayoutPackage() {
        noClasses().that().resideInAPackage("dev.faultline.core.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.faultline.core.layout..")
                .because("the source layout travels beside the model (ReadResult, ImportResult), not in it")
                .check(MODEL);
    }

    @Test
    void noModelType_hasAnAttributeAboutTheSourceLayout() {
        List<String> found = new ArrayList<>();
        for (JavaClass type : MODEL) {
            for (Method m : type.reflect().getDeclaredMethods()) {
                String name = m.getName().toLowerCase(Locale.ROOT);
                if (Modifier.isPublic(m.getModifiers()) && (name.contains("kept") || name.contains("layout"))) {
                    found.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(found).as("model attributes about the source layout").isEmpty();
        assertThat(MODEL.size()).as("model classes imported").isGreaterThan(20);
    }

    @Test
    void emptyTags_andNoTags_readToEqualExperiments_whoseWritesDiffer() {
        ReadResult withEmpty = TemplateJson.read("{\"description\":\"d\",\"tags\":{}}");
        ReadResult without = TemplateJson.read("{\"description\":\"d\"}");
        Experiment a = withEmpty.experiment().orElseThrow();
        Experiment b = without.experiment().orElseThrow();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString(b.toString());
        assertThat(withEmpty.layout().keptEmpty()).containsExactly(FieldLocation.of(CollectionField.TAGS));
        assertThat(without.layout()).isEqualTo(SourceLayout.NONE);
        assertThat(TemplateJson.write(a, withEmpty.layout())).isEqualTo("{\"description\":\"d\",\"tags\":{}}");
        assertThat(TemplateJson.write(b, without.layout())).isEqualTo("{\"description\":\"d\"}");
        assertThat(TemplateJson.write(a)).as("without the layout, no empty collection").isEqualTo("{\"description\":\"d\"}");
    }

    @Test
    void emptyStopConditionList_andNone_differForTheValidator_throughTheLayout() {
        ReadResult empty = TemplateJson.read("{\"description\":\"d\",\"stopConditions\":[]}");
        ReadResult none = TemplateJson.read("{\"description\":\"d\"}");
        assertThat(empty.experiment()).isEqualTo(none.experiment());

        assertThat(empty.validate(Validator.standard()).withCode("stop-condition.list-empty")).hasSize(1);
        assertThat(empty.validate(Validator.standard()).withCode("template.field-missing"))
                .noneMatch(v -> v.path().equals("/stopConditions"));
        assertThat(none.validate(Validator.standard()).withCode("template.field-missing"))
                .anyMatch(v -> v.path().equals("/stopConditions"));
        assertThat(none.validate(Validator.standard()).withCode("stop-condition.list-empty")).isEmpty();
    }
}
