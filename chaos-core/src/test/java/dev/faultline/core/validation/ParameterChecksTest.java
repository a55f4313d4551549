package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterChecksTest {

    private static final String PATH = "/actions/a/parameters/p";

    private static ParameterDefinition parameter(String actionId, String name) {
        return Catalog.defaultCatalog().action(actionId).orElseThrow().parameter(name).orElseThrow();
    }

    private static List<Violation> check(ParameterDefinition def, String value) {
        return check(def, value, ParameterCodes.ACTION);
    }

    private static List<Violation> check(ParameterDefinition def, String value, ParameterCodes codes) {
        List<Violation> out = new ArrayList<>();
        ParameterChecks.check(def, value, "/actions/a/parameters", "p", codes, out);
        return out;
    }

    private static Violation single(List<Violation> out, String code) {
        assertThat(out).hasSize(1);
        Violation v = out.get(0);
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.severity()).isEqualTo(Severity.ERROR);
        assertThat(v.path()).isEqualTo(PATH);
        return v;
    }

    private static final ParameterDefinition WAIT = parameter("aws:fis:wait", "duration");
    private static final ParameterDefinition PORT = parameter("aws:ecs:task-network-blackhole-port", "port");
    private static final ParameterDefinition DRAIN = parameter("aws:ecs:drain-container-instances", "drainagePercentage");
    private static final ParameterDefinition READ_PERCENT = parameter("aws:ebs:volume-io-latency", "readIOPercentage");
    private static final ParameterDefinition COMPLETE = parameter("aws:ec2:stop-instances", "completeIfInstancesTerminated");
    private static final ParameterDefinition SCOPE = parameter("aws:network:disrupt-connectivity", "scope");
    private static final ParameterDefinition STATES = parameter("aws:cloudwatch:assert-alarm-state", "alarmStates");
    private static final ParameterDefinition ALARMS = parameter("aws:cloudwatch:assert-alarm-state", "alarmArns");
    private static final ParameterDefinition SPEC = parameter("aws:eks:inject-kubernetes-custom-resource", "kubernetesSpec");
    private static final ParameterDefinition REGION = parameter("aws:s3:bucket-pause-replication", "region");

    @ParameterizedTest
    @ValueSource(strings = {"PT1M", "PT12H", "PT1H30M", "PT90S", "P0DT2H"})
    void check_durationWithinRange_passes(String value) {
        assertThat(check(WAIT, value)).isEmpty();
    }

    @Test
    void check_durationWithoutPT_isADurationErrorSuggestingPT() {
        Violation v = single(check(WAIT, "30m"), "parameter.format");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("Did you mean 'PT30M'?"));
    }

    @Test
    void check_durationInMonths_isADurationError() {
        single(check(WAIT, "P1M"), "parameter.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT59S", "PT12H1S", "P1D", "-PT5M"})
    void check_durationOutsideRange_isADurationRangeError(String value) {
        single(check(WAIT, value), "parameter.range");
    }

    @Test
    void check_wholeNumberWithinRange_passes() {
        assertThat(check(PORT, "8080")).isEmpty();
        assertThat(check(PORT, "0")).isEmpty();
        assertThat(check(PORT, "65535")).isEmpty();
    }

    @Test
    void check_portAbove65535_isARangeError() {
        Violation v = single(check(PORT, "65536"), "parameter.range");
        assertThat(v.hint()).contains("Use a value from 0 to 65535.");
    }

    @Test
    void check_textForANumber_isATypeError() {
        single(check(PORT, "http"), "parameter.type");
    }

    @Test
    void check_fractionForAWholeNumber_isATypeError() {
        single(check(DRAIN, "12.5"), "parameter.type");
        assertThat(check(DRAIN, "12.0")).as("a whole number written with a zero fraction").isEmpty();
    }

    @Test
    void check_percentZero_isBelowItsMinimumOfOne() {
        single(check(DRAIN, "0"), "parameter.range");
    }

    @Test
    void check_fractionalNumber_passesWhereFractionsAreAllowed() {
        assertThat(check(READ_PERCENT, "0.1")).isEmpty();
        single(check(READ_PERCENT, "0.05"), "parameter.range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "True", "FALSE"})
    void check_boolean_acceptsTrueAndFalseInAnyCase(String value) {
        assertThat(check(COMPLETE, value)).isEmpty();
    }

    @Test
    void check_booleanAsNumber_isATypeError() {
        single(check(COMPLETE, "1"), "parameter.type");
    }

    @Test
    void check_enumInWrongCase_suggestsTheValue() {
        Violation v = single(check(SCOPE, "VPC"), "parameter.value-unknown");
        assertThat(v.hint()).contains("Did you mean 'vpc'?");
    }

    @Test
    void check_enumFarFromEveryValue_listsTheValues() {
        Violation v = single(check(SCOPE, "internet"), "parameter.value-unknown");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("all", "availability-zone", "prefix-list"));
    }

    @Test
    void check_listOfKnownItems_passesWithSpacesAroundCommas() {
        assertThat(check(STATES, "OK, ALARM")).isEmpty();
    }

    @Test
    void check_listWithAnEmptyItem_isATypeError() {
        single(check(STATES, "OK,,ALARM"), "parameter.type");
    }

    @Test
    void check_listLongerThanItsMaximum_isARangeError() {
        single(check(ALARMS, "a,b,c,d,e,f"), "parameter.range");
        assertThat(check(ALARMS, "a,b,c,d,e")).isEmpty();
    }

    @Test
    void check_jsonParameterThatIsNotJson_isATypeError() {
        single(check(SPEC, "kind: PodChaos"), "parameter.type");
        assertThat(check(SPEC, " {\"kind\":\"PodChaos\"}")).isEmpty();
    }

    @Test
    void check_stringParameter_acceptsAnyText() {
        assertThat(check(REGION, "anything at all")).isEmpty();
    }

    @Test
    void check_placeholder_isLeftToArnRules() {
        assertThat(check(PORT, "<YOUR PORT>")).isEmpty();
        assertThat(check(WAIT, "${Duration}")).isEmpty();
    }

    @Test
    void check_prefix_namesTheFamilyOfTheCode() {
        assertThat(single(check(PORT, "70000", ParameterCodes.TARGET), "target.parameter-range")).isNotNull();
        ParameterDefinition load = Catalog.defaultCatalog().ssmDocument("AWSFIS-Run-CPU-Stress").orElseThrow()
                .parameter("LoadPercent").orElseThrow();
        assertThat(single(check(load, "150", ParameterCodes.DOCUMENT), "parameter.document-range")).isNotNull();
        assertThat(single(check(load, "half", ParameterCodes.DOCUMENT), "parameter.document-type")).isNotNull();
    }
}
