package dev.faultline.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.core.FaultlineException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing policy JSON: round trips, and located problems for bad input. */
class PolicyJsonTest {

    private static PolicyException failure(String json) {
        return catchThrowableOfType(PolicyException.class, () -> SafetyPolicy.parse(json));
    }

    private static Path resource(String name) {
        try {
            return Path.of(PolicyJsonTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- round trips ---------------------------------------------------------------------

    @Test
    void everyPreset_readsBackEqual() {
        for (String name : SafetyPolicy.presetNames()) {
            SafetyPolicy preset = SafetyPolicy.preset(name);
            assertThat(SafetyPolicy.parse(preset.toJson())).as(name).isEqualTo(preset);
        }
    }

    @Test
    void aCustomPolicyFile_loadsAndReadsBackEqual() {
        SafetyPolicy team = SafetyPolicy.load(resource("/policy/team.json"));
        assertThat(team.name()).contains("payments");
        assertThat(team.maxDuration()).contains(Duration.ofMinutes(150));
        assertThat(team.requiredTags()).containsExactly(TagPattern.any("Owner"), TagPattern.of("CostCenter", "cc-1*", "cc-2*"));
        assertThat(team.productionPolicy().flatMap(SafetyPolicy::name)).contains("payments-production");
        assertThat(SafetyPolicy.parse(team.toJson())).isEqualTo(team);
    }

    @Test
    void aBuiltPolicy_writesDurationsAsIsoTextAndLeavesOutWhatIsNotSet() {
        SafetyPolicy p = SafetyPolicy.builder().name("short").maxDuration(Duration.ofMinutes(90))
                .addForbiddenAction("aws:ec2:terminate-*").build();
        assertThat(p.toJson()).isEqualTo("{\n  \"name\": \"short\",\n  \"maxDuration\": \"PT1H30M\",\n"
                + "  \"forbiddenActions\": [ \"aws:ec2:terminate-*\" ]\n}\n");
        assertThat(SafetyPolicy.parse(p.toJson())).isEqualTo(p);
        assertThat(SafetyPolicy.none().toJson()).isEqualTo("{ }\n");
        assertThat(SafetyPolicy.parse("{}")).isEqualTo(SafetyPolicy.none());
    }

    @Test
    void nullValues_meanNotSet() {
        assertThat(SafetyPolicy.parse("{\"maxPercent\": null, \"allowedActions\": null}")).isEqualTo(SafetyPolicy.none());
    }

    // ---- bad input -----------------------------------------------------------------------

    @Test
    void malformedJson_givesTheLineAndColumn() {
        PolicyException e = failure("{\n  \"maxPercent\": 50,\n  \"name\" \"x\"\n}");
        assertThat(e).isInstanceOf(FaultlineException.class);
        assertThat(e.getMessage()).startsWith("policy JSON: malformed JSON at line 3, column 10");
    }

    @Test
    void aDuplicateField_isASyntaxErrorWithItsLine() {
        assertThat(failure("{\"maxPercent\": 50,\n \"maxPercent\": 10}").getMessage())
                .contains("line 2").contains("Duplicate field 'maxPercent'");
    }

    @Test
    void emptyOrNonObjectDocuments_areRefused() {
        assertThat(failure("").problems()).containsExactly("the document is empty; a policy is a JSON object");
        assertThat(failure("[1]").problems()).containsExactly("/: expected an object (a policy), got an array");
        assertThat(failure("{} {}").getMessage()).contains("malformed JSON at line 1");
    }

    @Test
    void aWrongType_givesTheJsonPointer() {
        assertThat(failure("{\"maxPercent\": \"50\"}").problems())
                .containsExactly("/maxPercent: expected an integer from 1 to 100, got the string \"50\"");
        assertThat(failure("{\"requireHypothesis\": \"yes\"}").problems())
                .containsExactly("/requireHypothesis: expected true or false, got the string \"yes\"");
        assertThat(failure("{\"allowedActions\": [\"aws:ec2:*\", 5]}").problems())
                .containsExactly("/allowedActions/1: expected an action id pattern such as \"aws:ec2:*\", got the number 5");
        assertThat(failure("{\"requiredTags\": {\"Owner\": 1}}").problems()).singleElement()
                .asString().startsWith("/requiredTags/Owner: expected a value pattern");
    }

    @Test
    void aValueOutOfRange_givesTheJsonPointer() {
        assertThat(failure("{\"maxPercent\": 150}").problems())
                .containsExactly("/maxPercent: expected an integer from 1 to 100, got the number 150");
        assertThat(failure("{\"maxDuration\": \"4h\"}").problems())
                .containsExactly("/maxDuration: expected a positive ISO-8601 duration such as \"PT4H\", got the string \"4h\"");
        assertThat(failure("{\"allowedAccounts\": [\"1234\"]}").problems())
                .containsExactly("/allowedAccounts: '1234' is not a 12-digit account ID");
    }

    @Test
    void aProblemInTheNestedPolicy_givesItsFullPointer() {
        assertThat(failure("{\"productionMarkers\": {\"Environment\": \"prod\"}, \"productionPolicy\": {\"maxCount\": 0}}")
                .problems()).containsExactly("/productionPolicy/maxCount: expected an integer of at least 1, got the number 0");
    }

    @Test
    void anUnknownField_suggestsTheNearestOne() {
        assertThat(failure("{\"maxPercnt\": 50}").problems())
                .containsExactly("/maxPercnt: unknown field; did you mean 'maxPercent'?");
        assertThat(failure("{\"productionMarkers\": {\"Environment\": \"prod\"}, "
                + "\"productionPolicy\": {\"forbidIrreversibleAction\": true}}").problems())
                .containsExactly("/productionPolicy/forbidIrreversibleAction: unknown field; did you mean 'forbidIrreversibleActions'?");
        assertThat(failure("{\"colour\": \"red\"}").problems()).singleElement().asString()
                .startsWith("/colour: unknown field; the fields are name, description, maxPercent");
    }

    @Test
    void everyProblemIsListed_andNoHalfReadPolicyIsReturned() {
        PolicyException e = failure("{\"maxPercent\": \"x\", \"bogus\": 1, \"maxCount\": 3}");
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("policy JSON: 2 problems:\n  /maxPercent:");
    }

    @Test
    void aBrokenInvariant_isAProblemAtThePolicy() {
        assertThat(failure("{\"productionPolicy\": {\"maxPercent\": 10}}").problems()).containsExactly(
                "/: a productionPolicy needs productionMarkers, the tags that make a target production");
    }

    @Test
    void load_namesTheFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"maxPercent\": true}");
        assertThatThrownBy(() -> SafetyPolicy.load(bad)).isInstanceOf(PolicyException.class)
                .hasMessage(bad + ": /maxPercent: expected an integer from 1 to 100, got true");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> SafetyPolicy.load(missing)).isInstanceOf(PolicyException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
    }
}
