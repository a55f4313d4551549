package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void validate_baseExperiment_hasNoViolations() {
        ValidationResult r = validate(Templates.base());
        assertThat(r.violations()).isEmpty();
        assertThat(r.isValid()).isTrue();
        assertThat(r).isSameAs(ValidationResult.empty());
    }

    @Test
    void validate_baseExperimentAsJson_readsAndHasNoViolations() {
        ReadResult read = TemplateJson.read(TemplateJson.write(Templates.base()));
        assertThat(read.validate(Validator.standard()).violations()).isEmpty();
    }

    @Test
    void validate_readResult_listsTheReadersViolationsFirst() {
        String json = TemplateJson.write(Templates.base()).replaceFirst("\"description\"", "\"name\":\"n\",\"descripton\"");
        ValidationResult r = TemplateJson.read(json).validate(Validator.standard());
        assertThat(r.violations()).extracting(Violation::code).startsWith("json.field-unknown").contains("template.field-missing");
        assertThat(r.violations().get(0).path()).isEqualTo("/descripton");
        assertThat(r.violations().get(0).hint()).contains("Did you mean 'description'?");
        one(r, "template.field-missing", ERROR, "/description");
    }

    @Test
    void validate_unreadableJson_givesOnlyTheReadersViolations() {
        ValidationResult r = TemplateJson.read("{\"description\": ").validate(Validator.standard());
        assertThat(r.violations()).extracting(Violation::code).containsExactly("json.document-format");
    }

    @Test
    void validate_ruleThatThrows_isReportedAndTheOtherRulesStillRun() {
        Validator validator = Validator.standard().with((e, context, out) -> {
            throw new IllegalStateException("boom");
        });
        ValidationResult r = validator.validate(builder().description(Optional.empty()).build());
        Violation v = one(r, "template.rule-failed", ERROR, "");
        assertThat(v.message()).contains("boom");
        one(r, "template.field-missing", ERROR, "/description");
    }

    @Test
    void with_addsARuleWithoutChangingTheStandardValidator() {
        ValidationRule noTags = (e, context, out) -> {
            if (e.tags().isEmpty()) {
                out.add(Violation.custom("team.tags-missing", Severity.WARNING, "/tags", "Tag the template with its owner.", "Add an Owner tag."));
            }
        };
        assertThat(Validator.standard().with(noTags).validate(Templates.base()).violations()).extracting(Violation::code)
                .containsExactly("team.tags-missing");
        assertThat(validate(Templates.base()).violations()).isEmpty();
    }

    @Test
    void withCatalog_checksActionsTheDefaultCatalogDoesNotKnow() {
        String hibernate = "{\"id\":\"aws:ec2:hibernate-instances\",\"description\":\"Hibernates instances.\","
                + "\"targets\":{\"Instances\":[\"aws:ec2:instance\"]},\"parameters\":[],\"reversible\":false,"
                + "\"permissions\":[\"ec2:StopInstances\"]},";
        String actions = resource("actions.json").replaceFirst("\"actions\"\\s*:\\s*\\[", "\"actions\": [" + hibernate);
        Catalog extended = Catalog.load(stream(actions), stream(resource("resource-types.json")),
                stream(resource("ssm-documents.json")));
        Experiment e = Templates.withAction(a -> a.actionId("aws:ec2:hibernate-instances").targets(java.util.Map.of("Instance",
                Templates.TARGET)));
        assertThat(validate(e).violations()).extracting(Violation::code).contains("action.id-unknown")
                .doesNotContain("action.target-key-unknown");
        ValidationResult r = Validator.standard().withCatalog(extended).validate(e);
        assertThat(r.withCode("action.id-unknown")).isEmpty();
        one(r, "action.target-key-unknown", ERROR, "/actions/StopNodes/targets/Instance");
    }

    @Test
    void validate_namesWithSlashAndTilde_areEscapedInThePointer() {
        Experiment e = Experiment.builder().from(Templates.base())
                .targets(java.util.Map.of("web/app~1", TemplateTarget.builder().from(Templates.workerNodes())
                        .selectionMode(Optional.empty()).build()))
                .putAction(Templates.ACTION, Action.builder().from(Templates.stopNodes()).putTarget("Instances", "web/app~1").build())
                .build();
        one(validate(e), "template.field-missing", ERROR, "/targets/web~1app~01/selectionMode");
    }

    @Test
    void validate_pathsOfEveryViolationOfAMessyTemplate_areJsonPointers() {
        Experiment e = builder().putTarget("a/b", TemplateTarget.builder().resourceType("aws:nope").build())
                .putAction("x~y", Action.builder().actionId("aws:ec2:stop-instance").putTarget("Instances", "a/b")
                        .addStartAfter("z").build())
                .build();
        ValidationResult r = validate(e);
        assertThat(r.violations()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.path()).matches("(/([^~/]|~[01])*)*"));
    }

    @Test
    void result_errorsAndWarnings_partitionTheViolations() {
        Experiment e = builder().putTarget("Spare", Templates.workerNodes()).description(Optional.empty()).build();
        ValidationResult r = validate(e);
        assertThat(r.errors()).extracting(Violation::code).containsExactly("template.field-missing");
        assertThat(r.warnings()).extracting(Violation::code).containsExactly("target.unused");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.isValid()).isFalse();
        assertThat(r.toString()).contains("/description: ERROR template.field-missing");
    }

    private static String resource(String file) {
        try (InputStream in = Catalog.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validate_selectionModesAreCheckedForEveryTarget() {
        Experiment e = builder().putTarget("Other", TemplateTarget.builder().from(Templates.workerNodes())
                .selectionMode(SelectionMode.of("SOME")).build()).build();
        one(validate(e), "target.selection-mode-format", ERROR, "/targets/Other/selectionMode");
    }

    @Test
    void forFisInput_warnsAtEachFieldTheCliInputRejects_andOnlyThere() {
        Experiment e = builder().name("node-loss").addTargetAccountConfiguration(
                dev.faultline.core.model.TargetAccountConfiguration.builder().accountId("210987654321")
                        .roleArn("arn:aws:iam::210987654321:role/FisTarget").build())
                .metadata(dev.faultline.core.model.TemplateMetadata.builder().id("EXT123").clientToken("t").build()).build();
        ValidationResult r = Validator.standard().forFisInput().validate(e);
        assertThat(r.withCode(ViolationCode.TEMPLATE_FIELD_FAULTLINE_ONLY)).extracting(Violation::path)
                .containsExactly("/name", "/targetAccountConfigurations", "/id");
        assertThat(r.withCode(ViolationCode.TEMPLATE_FIELD_FAULTLINE_ONLY)).allSatisfy(v -> {
            assertThat(v.isError()).isFalse();
            assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("faultline compile"));
        });
        assertThat(Validator.standard().validate(e).withCode(ViolationCode.TEMPLATE_FIELD_FAULTLINE_ONLY)).isEmpty();
    }
}
