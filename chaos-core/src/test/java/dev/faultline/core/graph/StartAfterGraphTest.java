package dev.faultline.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.UnscheduledAction;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One startAfter graph for the validator and the plan: start order, cycles, and no recursion depth. */
class StartAfterGraphTest {

    private static Action waitAfter(String... after) {
        return Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT1M").addStartAfter(after).build();
    }

    private static Map<String, Action> actions(Object... nameAndAfter) {
        Map<String, Action> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndAfter.length; i += 2) {
            out.put((String) nameAndAfter[i], waitAfter((String[]) nameAndAfter[i + 1]));
        }
        return out;
    }

    private static Experiment experiment(Map<String, Action> actions) {
        return Experiment.builder().description("graph").roleArn("arn:aws:iam::123456789012:role/FisRole")
                .addStopCondition(StopCondition.none()).actions(actions).build();
    }

    @Test
    void startOrder_putsEveryActionAfterWhatItStartsAfter_andLeavesOutCyclesAndUnknowns() {
        StartAfterGraph g = StartAfterGraph.of(actions("C", new String[] {"B"}, "B", new String[] {"A"}, "A", new String[0],
                "X", new String[] {"Y"}, "Y", new String[] {"X"}, "Z", new String[] {"X"}, "U", new String[] {"nope"},
                "S", new String[] {"S"}));
        assertThat(g.startOrder()).containsExactly("A", "B", "C");
        assertThat(g.cycles()).containsExactly(List.of("X", "Y", "X"));
        assertThat(g.cycleOf("Y")).isEqualTo(List.of("X", "Y", "X"));
        assertThat(g.cycleOf("Z")).isEmpty();
        assertThat(g.cycleOf("S")).containsExactly("S", "S");
        assertThat(g.hasUnknownReference("U")).isTrue();
    }

    @Test
    void cycles_giveOnePerGroup_theShortestThroughItsFirstAction() {
        StartAfterGraph g = StartAfterGraph.of(actions("A", new String[] {"B"}, "B", new String[] {"C", "A"},
                "C", new String[] {"A"}));
        assertThat(g.cycles()).containsExactly(List.of("A", "B", "A"));
    }

    @Test
    void validatorAndScheduler_nameTheSameCycle() {
        Experiment e = experiment(actions("First", new String[0], "Ping", new String[] {"Pong"},
                "Pong", new String[] {"Pang"}, "Pang", new String[] {"Ping"}));
        Violation cycle = Validator.standard().validate(e).withCode("graph.cycle").get(0);
        List<UnscheduledAction> unscheduled = ExperimentPlan.of(e).unscheduledActions();
        assertThat(unscheduled).hasSize(3).allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(UnscheduledAction.Reason.CYCLE);
            assertThat(cycle.message()).contains(String.join(" -> ", u.related()));
        });
        assertThat(cycle.path()).isEqualTo("/actions/Pang/startAfter");
    }

    @Test
    @Timeout(60) // a guard against hangs and deep recursion, not a speed check
    void hundredThousandActionChainAndCycle_needNoRecursion() {
        int n = 100_000;
        Map<String, Action> chain = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) { // declared last first: the worst order for a pass-by-pass scheduler
            chain.put("a" + i, i == 0 ? waitAfter() : waitAfter("a" + (i - 1)));
        }
        StartAfterGraph g = StartAfterGraph.of(chain);
        assertThat(g.startOrder()).hasSize(n).startsWith("a0", "a1").endsWith("a" + (n - 1));
        assertThat(g.cycles()).isEmpty();

        Map<String, Action> ring = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ring.put("a" + i, waitAfter("a" + ((i + 1) % n)));
        }
        StartAfterGraph r = StartAfterGraph.of(ring);
        assertThat(r.startOrder()).isEmpty();
        assertThat(r.cycles()).hasSize(1);
        assertThat(r.cycles().get(0)).hasSize(n + 1).startsWith("a0", "a1").endsWith("a" + (n - 1), "a0");
    }

    @Test
    void unknownReferenceHint_namesAFewActions_thenHowManyMore() {
        Map<String, Action> many = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put("action" + i, waitAfter());
        }
        many.put("late", waitAfter("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
        Violation v = Validator.standard().validate(experiment(many)).withCode("graph.reference-unknown").get(0);
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("and 21 more"));
        assertThat(many.keySet().stream().filter(k -> v.hint().get().contains(k + ",")).collect(Collectors.toList()))
                .hasSizeLessThanOrEqualTo(10);
    }
}
