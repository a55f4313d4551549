package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.ACTION;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.check;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRulesTest {

    @Test
    void validate_startAfterUnknownAction_suggestsTheNearest() {
        Experiment e = builder().putAction("Hold", waitFor("PT5M", "StopNode")).build();
        Violation v = one(validate(e), "graph.reference-unknown", ERROR, "/actions/Hold/startAfter/0");
        assertThat(v.hint()).contains("Did you mean 'StopNodes'?");
    }

    @Test
    void validate_startAfterFarFromEveryName_listsTheActions() {
        Experiment e = builder().putAction("Hold", waitFor("PT5M", "Reboot")).build();
        Violation v = one(validate(e), "graph.reference-unknown", ERROR, "/actions/Hold/startAfter/0");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains(ACTION, "Hold"));
    }

    @Test
    void validate_actionStartingAfterItself_isASelfReference() {
        Experiment e = builder().putAction("Hold", waitFor("PT5M", "Hold")).build();
        one(validate(e), "graph.reference-self", ERROR, "/actions/Hold/startAfter/0");
        assertThat(validate(e).withCode("graph.cycle")).isEmpty();
    }

    @Test
    void validate_cycleAToBToA_isReportedOnceWhereItCloses() {
        Experiment e = builder().putAction("a", waitFor("PT1M", "b")).putAction("b", waitFor("PT1M", "a")).build();
        Violation v = one(validate(e), "graph.cycle", ERROR, "/actions/b/startAfter");
        assertThat(v.message()).contains("a -> b -> a");
    }

    @Test
    void validate_threeActionCycle_isReportedOnce() {
        Experiment e = builder().putAction("a", waitFor("PT1M", "c")).putAction("b", waitFor("PT1M", "a"))
                .putAction("c", waitFor("PT1M", "b")).build();
        Violation v = one(validate(e), "graph.cycle", ERROR, "/actions/b/startAfter");
        assertThat(v.message()).contains("a -> c -> b -> a");
    }

    @Test
    void validate_diamond_isNotACycle() {
        Experiment e = builder().putAction("b", waitFor("PT1M", ACTION)).putAction("c", waitFor("PT1M", ACTION))
                .putAction("d", waitFor("PT1M", "b", "c")).build();
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_sameReferenceTwice_warns() {
        Experiment e = builder().putAction("Hold", waitFor("PT5M", ACTION, ACTION)).build();
        one(validate(e), "graph.reference-duplicate", WARNING, "/actions/Hold/startAfter/1");
    }

    @Test
    void validate_referenceOf65Characters_isTooLong() {
        Experiment e = builder().putAction("Hold", waitFor("PT5M", "x".repeat(65))).build();
        one(validate(e), "template.field-too-long", ERROR, "/actions/Hold/startAfter/0");
        one(validate(e), "graph.reference-unknown", ERROR, "/actions/Hold/startAfter/0");
    }

    @Test
    void check_tenThousandChainedActions_doesNotOverflowTheStack() {
        Experiment.Builder b = builder();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            // each action starts after the next one, so a depth-first walk goes n deep
            Action.Builder a = Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT1M");
            a.startAfter(i + 1 < n ? List.of("a" + (i + 1)) : List.of("a0"));
            b.putAction("a" + i, a.build());
        }
        List<Violation> out = check(new GraphRules(), b.build());
        Violation v = one(out, "graph.cycle", ERROR, "/actions/a9999/startAfter");
        assertThat(v.message()).startsWith("startAfter forms a cycle: a0 -> a1 -> ");
    }

    @Test
    void check_longUnknownReferenceToALongName_answersWithoutADidYouMean() {
        String name = "a".repeat(100_000);
        Experiment e = builder().putAction(name, waitFor("PT1M")).putAction("Hold", waitFor("PT1M", "b".repeat(100_000))).build();
        Violation v = one(check(new GraphRules(), e), "graph.reference-unknown", ERROR, "/actions/Hold/startAfter/0");
        assertThat(v.hint()).isPresent();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard against hangs and deep recursion, not a speed check
    void validate_hundredThousandActionCycle_isOneBoundedError() {
        int n = 100_000;
        java.util.Map<String, Action> ring = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ring.put("a" + i, waitFor("PT1M", "a" + ((i + 1) % n)));
        }
        List<Violation> found = Templates.check(new GraphRules(), builder().actions(ring).build());
        assertThat(found).extracting(Violation::code).containsExactly("graph.cycle");
        assertThat(found.get(0).message()).startsWith("startAfter forms a cycle: a0 -> a1 -> ")
                .contains("and " + (n + 1 - 10) + " more").hasSizeLessThan(300);
        assertThat(found.get(0).path()).isEqualTo("/actions/a" + (n - 1) + "/startAfter");
    }
}
