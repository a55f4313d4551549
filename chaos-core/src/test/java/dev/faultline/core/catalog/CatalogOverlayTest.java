package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog overlay file, in the shipped data's format, adds or replaces entries and is checked like the shipped data. */
class CatalogOverlayTest {

    static final String HIBERNATE = "{\"formatVersion\": 1, \"source\": \"test\", \"actions\": [{\"id\": \"aws:ec2:hibernate-instances\","
            + "\"description\": \"Hibernates instances.\", \"targets\": {\"Instances\": [\"aws:ec2:instance\"]},"
            + "\"parameters\": [], \"reversible\": false, \"permissions\": [\"ec2:StopInstances\"]}]}";

    @TempDir
    Path dir;

    private static Experiment hibernating() {
        return Experiment.builder().description("d").roleArn("arn:aws:iam::123456789012:role/FisRole")
                .addStopCondition(StopCondition.none())
                .putTarget("Nodes", TemplateTarget.builder().resourceType("aws:ec2:instance").putResourceTag("Role", "Worker")
                        .selectionMode(SelectionMode.count(1)).build())
                .putAction("Sleep", Action.builder().actionId("aws:ec2:hibernate-instances").putTarget("Instances", "Nodes").build())
                .build();
    }

    @Test
    void withOverlay_addsAnActionNewerThanTheCatalog_soTheValidatorChecksIt() throws IOException {
        Path file = Files.writeString(dir.resolve("overlay.json"), HIBERNATE);
        Catalog catalog = Catalog.withOverlay(file);
        assertThat(catalog.action("aws:ec2:hibernate-instances")).isPresent();
        assertThat(catalog.actions()).hasSize(Catalog.defaultCatalog().actions().size() + 1);
        assertThat(Validator.standard().validate(hibernating()).errors()).extracting(Violation::code)
                .containsExactly("action.id-unknown");
        assertThat(Validator.standard().withCatalog(catalog).validate(hibernating()).errors()).isEmpty();
    }

    @Test
    void withOverlay_replacesAShippedEntryWithTheSameId() {
        String overlay = HIBERNATE.replace("aws:ec2:hibernate-instances", "aws:ec2:stop-instances")
                .replace("Hibernates instances.", "Replaced.");
        Catalog catalog = Catalog.withOverlay("overlay.json", stream(overlay));
        assertThat(catalog.action("aws:ec2:stop-instances").orElseThrow().description()).isEqualTo("Replaced.");
        assertThat(catalog.actions()).hasSize(Catalog.defaultCatalog().actions().size());
    }

    @Test
    void withOverlay_badData_isACatalogExceptionNamingTheOverlayAndTheEntry() {
        String unknownType = HIBERNATE.replace("[\"aws:ec2:instance\"]", "[\"aws:ec2:instanse\"]");
        assertThatThrownBy(() -> Catalog.withOverlay("overlay.json", stream(unknownType)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("overlay.json")
                .hasMessageContaining("aws:ec2:hibernate-instances");
        assertThatThrownBy(() -> Catalog.withOverlay("overlay.json", stream("{\"formatVersion\": 1, \"actionz\": []}")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("overlay.json").hasMessageContaining("actionz");
        assertThatThrownBy(() -> Catalog.withOverlay("overlay.json", stream("{\"actions\": []}")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("formatVersion");
        assertThatThrownBy(() -> Catalog.withOverlay("overlay.json", stream("{")))
                .isInstanceOf(CatalogException.class).hasMessageStartingWith("overlay.json: not valid JSON at line 1, column");
        assertThatThrownBy(() -> Catalog.withOverlay(dir.resolve("missing.json")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("cannot be read");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
