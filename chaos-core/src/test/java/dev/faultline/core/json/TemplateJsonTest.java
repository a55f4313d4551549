package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Violation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateJsonTest {

    private static final String MINIMAL = "{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
            + "\"stopConditions\":[{\"source\":\"none\"}],"
            + "\"targets\":{\"t\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"a\":\"b\"},\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop\":{\"actionId\":\"aws:ec2:stop-instances\",\"targets\":{\"Instances\":\"t\"}}}}";

    @Test
    void read_minimalTemplate_hasNoViolationsAndTypedSelection() {
        ReadResult r = TemplateJson.read(MINIMAL);
        assertThat(r.violations().violations()).isEmpty();
        Experiment e = r.experiment().orElseThrow();
        assertThat(e.targets().get("t").selectionMode()).contains(SelectionMode.percent(20));
        assertThat(e.actions().get("stop").targets()).containsEntry("Instances", "t");
    }

    @Test
    void read_syntaxError_reportsLineAndColumn() {
        ReadResult r = TemplateJson.read("{\n  \"description\": \"x\",\n  \"roleArn\" \"y\"\n}");
        assertThat(r.experiment()).isEmpty();
        Violation v = r.violations().violations().get(0);
        assertThat(v.code()).isEqualTo("json.document-format");
        assertThat(v.message()).contains("line 3, column");
    }

    @Test
    void read_truncatedText_isASyntaxErrorNotAnException() {
        ReadResult r = TemplateJson.read(MINIMAL.substring(0, 57));
        assertThat(r.violations().violations()).extracting(Violation::code).containsExactly("json.document-format");
        assertThat(r.violations().violations().get(0).message()).contains("end-of-input");
    }

    @Test
    void read_emptyAndNonObjectDocuments_areReported() {
        assertThat(TemplateJson.read("").violations().violations()).extracting(Violation::code).containsExactly("json.document-format");
        ReadResult array = TemplateJson.read("[1,2]");
        assertThat(array.experiment()).isEmpty();
        assertThat(array.violations().violations()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json.value-type", ""));
    }

    @Test
    void read_wrongType_reportsItsPath() {
        ReadResult r = TemplateJson.read("{\"description\":\"d\",\"targets\":{\"t\":{\"resourceArns\":\"arn:aws:ec2\"}},"
                + "\"actions\":{\"a\":{\"parameters\":{\"duration\":5}}}}");
        assertThat(r.violations().violations()).extracting(Violation::code, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("json.value-type", "/targets/t/resourceArns"),
                org.assertj.core.groups.Tuple.tuple("json.value-type", "/actions/a/parameters/duration"));
        // a number where a string is expected is kept as its text so the validator still sees it
        assertThat(r.experiment().orElseThrow().actions().get("a").parameters()).containsEntry("duration", "5");
    }

    @Test
    void read_unknownField_suggestsTheNearestKnownOne() {
        ReadResult r = TemplateJson.read("{\"description\":\"d\",\"stopCondition\":[],"
                + "\"actions\":{\"a\":{\"actionID\":\"aws:fis:wait\"}}}");
        assertThat(r.violations().violations()).extracting(Violation::path, Violation::hint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/stopCondition", java.util.Optional.of("Did you mean 'stopConditions'?")),
                org.assertj.core.groups.Tuple.tuple("/actions/a/actionID", java.util.Optional.of("Did you mean 'actionId'?")));
        assertThat(r.violations().violations()).allMatch(v -> v.code().equals("json.field-unknown") && v.isError());
    }

    @Test
    void read_badEnum_suggestsTheValue() {
        ReadResult r = TemplateJson.read("{\"experimentOptions\":{\"emptyTargetResolutionMode\":\"skp\"}}");
        Violation v = r.violations().violations().get(0);
        assertThat(v.code()).isEqualTo("template.value-unknown");
        assertThat(v.path()).isEqualTo("/experimentOptions/emptyTargetResolutionMode");
        assertThat(v.hint()).contains("Did you mean 'skip'?");
    }

    @Test
    void read_duplicateKey_warnsAndKeepsTheLast() {
        ReadResult r = TemplateJson.read("{\"tags\":{\"a\":\"1\",\"a\":\"2\"},\"description\":\"x\",\"description\":\"y\"}");
        assertThat(r.violations().violations()).extracting(Violation::code, Violation::severity, Violation::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("json.field-duplicate", Severity.WARNING, "/tags/a"),
                        org.assertj.core.groups.Tuple.tuple("json.field-duplicate", Severity.WARNING, "/description"));
        assertThat(r.experiment().orElseThrow().tags()).containsEntry("a", "2");
        assertThat(r.experiment().orElseThrow().description()).contains("y");
    }

    @Test
    void read_getExperimentTemplateAnswer_unwrapsAndKeepsMetadata() {
        ReadResult r = TemplateJson.read("{\"experimentTemplate\":{\"id\":\"EXT123AbCdEfGhIjK\",\"creationTime\":1700000000.5,"
                + "\"description\":\"d\",\"bogus\":1}}");
        Experiment e = r.experiment().orElseThrow();
        assertThat(e.metadata().orElseThrow().id()).contains("EXT123AbCdEfGhIjK");
        assertThat(e.metadata().orElseThrow().creationTime().orElseThrow().getNano()).isEqualTo(500_000_000);
        assertThat(r.violations().violations()).extracting(Violation::path).containsExactly("/experimentTemplate/bogus");
    }

    @Test
    void validate_wrappedTemplate_pointsIntoTheWrapper() {
        ReadResult r = TemplateJson.read("{\"experimentTemplate\":" + MINIMAL.replace("\"stop\":{", "\"stop\":{\"startAfter\":[\"nope\"],") + "}");
        assertThat(r.pathPrefix()).isEqualTo("/experimentTemplate");
        assertThat(r.validate(dev.faultline.core.validation.Validator.standard()).withCode("graph.reference-unknown"))
                .extracting(Violation::path).containsExactly("/experimentTemplate/actions/stop/startAfter/0");
        assertThat(TemplateJson.read(MINIMAL).pathPrefix()).isEmpty();
    }

    @Test
    void read_hypothesis_roundTrips() {
        String json = "{\"name\":\"n\",\"hypothesis\":{\"description\":\"5xx stays low\",\"recoveryWindow\":\"PT5M\","
                + "\"conditions\":[{\"namespace\":\"AWS/ApplicationELB\",\"metricName\":\"HTTPCode_Target_5XX_Count\","
                + "\"dimensions\":{\"TargetGroup\":\"tg\"},\"statistic\":\"Sum\",\"period\":\"PT1M\","
                + "\"comparison\":\"LessThanThreshold\",\"threshold\":5,\"phases\":[\"before\",\"during\"]}]}}";
        ReadResult r = TemplateJson.read(json);
        assertThat(r.violations().violations()).isEmpty();
        Experiment e = r.experiment().orElseThrow();
        assertThat(e.hypothesis().orElseThrow().conditions().get(0).holdsFor(4)).isTrue();
        assertThat(TemplateJson.read(TemplateJson.write(e)).experiment()).contains(e);
    }

    @Test
    void read_missingFile_isAnIoViolation() {
        ReadResult r = TemplateJson.read(Path.of("does-not-exist.json"));
        assertThat(r.violations().violations()).extracting(Violation::code).containsExactly("json.read-failed");
    }

    @Test
    void parse_throwsWithTheViolationsOnError() {
        assertThatThrownBy(() -> TemplateJson.parse("{\"x\":1}"))
                .isInstanceOf(FaultlineException.class)
                .hasMessageContaining("/x");
    }
}
