package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.testing.Corpus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 23 templates of aws-samples/fis-template-library read and validate. They are samples with
 * {@code <YOUR …>} placeholders, so placeholder warnings are expected; an error is allowed only
 * where the template really is wrong, and each such case is listed here with the reason.
 */
class CorpusValidationTest {

    /** The errors each corpus file really has, as code and path, with the reason. */
    private static final Map<String, List<ExpectedError>> EXPECTED_ERRORS = Map.of(
            "mysql-rds-loadtest-failover-template.json", List.of(new ExpectedError("json.field-unknown",
                    "/actions/StopLoadTest/startAfterDelay",
                    "FIS actions have no startAfterDelay field; CreateExperimentTemplate rejects unknown members."
                            + " A delay is written as an aws:fis:wait action in startAfter.")));

    private record ExpectedError(String code, String path, String reason) {}

    static Stream<String> files() {
        return Corpus.FILES.stream();
    }

    private static ValidationResult validate(String file) {
        ReadResult read = TemplateJson.read(Corpus.text(file));
        assertThat(read.experiment()).as("%s reads into an experiment", file).isPresent();
        return read.validate(Validator.standard());
    }

    @Test
    void corpus_hasTwentyThreeFiles() {
        assertThat(Corpus.FILES).hasSize(23).doesNotHaveDuplicates();
        assertThat(Corpus.FILES).containsAll(EXPECTED_ERRORS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validate_corpusTemplate_hasOnlyTheErrorsItReallyHas(String file) {
        ValidationResult result = validate(file);
        List<String> expected = EXPECTED_ERRORS.getOrDefault(file, List.of()).stream()
                .map(e -> e.code() + " " + e.path()).collect(Collectors.toList());
        assertThat(result.errors()).as("errors of %s:%n%s", file, result)
                .extracting(v -> v.code() + " " + v.path()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validate_corpusTemplate_warnsOnlyAboutPlaceholders(String file) {
        ValidationResult result = validate(file);
        assertThat(result.warnings()).as("warnings of %s:%n%s", file, result)
                .allSatisfy(v -> assertThat(v.code()).isEqualTo("template.placeholder-unresolved"));
        assertThat(result.withCode("template.placeholder-unresolved")).as("%s still holds sample placeholders", file).isNotEmpty();
    }

    @Test
    void validate_mysqlLoadTestTemplate_reportsStartAfterDelayWithAHint() {
        Violation v = Templates.one(validate("mysql-rds-loadtest-failover-template.json"), "json.field-unknown",
                Severity.ERROR, "/actions/StopLoadTest/startAfterDelay");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("startAfter"));
    }

    @Test
    void validate_elastiCacheFailoverTemplate_treatsTheSsmVariableInItsDocumentArnAsAPlaceholder() {
        ValidationResult result = validate("elasticache-redis-primary-node-failover-experiment-template.json");
        Violation v = Templates.one(result.withCode("template.placeholder-unresolved").stream()
                .filter(p -> p.path().endsWith("/documentArn")).collect(Collectors.toList()), "template.placeholder-unresolved",
                Severity.WARNING, "/actions/triggerPrimaryFailover/parameters/documentArn");
        assertThat(v.message()).contains("{{ aws:region }}", "<YOUR-ACCOUNT-ID>");
    }
}
