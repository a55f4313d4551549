package dev.faultline.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.testing.ExperimentGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {

    private static final String WAIT = "aws:fis:wait";
    private static final String TERMINATE = "aws:ec2:terminate-instances";
    private static final String STOP = "aws:ec2:stop-instances";
    private static final String ALARM_CHECK = "aws:cloudwatch:assert-alarm-state";

    /** An action of the given id with a {@code duration} parameter, or none when {@code duration} is null. */
    private static Action action(String id, String duration, String... startAfter) {
        Action.Builder b = Action.builder().actionId(id).addStartAfter(startAfter);
        if (duration != null) {
            b.putParameter("duration", duration);
        }
        return b.build();
    }

    private static Action waitFor(String duration, String... startAfter) {
        return action(WAIT, duration, startAfter);
    }

    private static Experiment.Builder experiment() {
        return Experiment.builder().description("test").addStopCondition(StopCondition.none());
    }

    private static PlannedAction placed(ExperimentPlan plan, String name) {
        return plan.action(name).orElseThrow(() -> new AssertionError("not placed: " + name));
    }

    // --- scheduling ---

    @Test
    void of_absurdDurations_areCappedInsteadOfOverflowing() {
        Experiment e = experiment()
                .putAction("a", waitFor("PT2562047788015215H"))
                .putAction("b", waitFor("PT2562047788015215H", "a"))
                .build();
        ExperimentPlan plan = ExperimentPlan.of(e);
        assertThat(plan.totalDuration()).isEqualTo(java.time.Duration.ofDays(2 * 3650));
        assertThat(plan.render()).contains("a").contains("b");
    }

    @Test
    void of_parallelRoots_allStartAtZero() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("a", waitFor("PT5M"))
                .putAction("b", waitFor("PT10M"))
                .build());

        assertThat(placed(plan, "a").start()).isEqualTo(Duration.ZERO);
        assertThat(placed(plan, "b").start()).isEqualTo(Duration.ZERO);
        assertThat(placed(plan, "b").end()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.unscheduled()).isEmpty();
    }

    @Test
    void of_chain_eachStartsWhenThePreviousEnds() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("a", waitFor("PT5M"))
                .putAction("b", waitFor("PT90S", "a"))
                .putAction("c", waitFor("PT1H", "b"))
                .build());

        assertThat(placed(plan, "b").start()).isEqualTo(Duration.ofMinutes(5));
        assertThat(placed(plan, "c").start()).isEqualTo(Duration.ofSeconds(390));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofSeconds(390).plusHours(1));
        assertThat(plan.peakParallelism()).isEqualTo(1);
    }

    @Test
    void of_diamond_startsAtTheLatestEndOfItsDependencies() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("root", waitFor("PT5M"))
                .putAction("long", waitFor("PT10M", "root"))
                .putAction("short", waitFor("PT2M", "root"))
                .putAction("join", waitFor("PT1M", "short", "long"))
                .build());

        assertThat(placed(plan, "long").start()).isEqualTo(Duration.ofMinutes(5));
        assertThat(placed(plan, "short").start()).isEqualTo(Duration.ofMinutes(5));
        assertThat(placed(plan, "join").start()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(16));
        assertThat(plan.peakParallelism()).isEqualTo(2);
        assertThat(plan.peakActions()).containsExactly("long", "short");
    }

    @Test
    void of_dependencyListedLaterInTheTemplate_isPlacedFirst() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("second", waitFor("PT1M", "first"))
                .putAction("first", waitFor("PT2M"))
                .build());

        assertThat(plan.actions()).extracting(PlannedAction::name).containsExactly("first", "second");
        assertThat(placed(plan, "second").start()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void of_stopInstances_lastsUntilStartInstancesAfterDuration() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("stop", Action.builder().actionId(STOP)
                        .putParameter("startInstancesAfterDuration", "PT10M").build())
                .putAction("next", waitFor("PT1M", "stop"))
                .build());

        PlannedAction stop = placed(plan, "stop");
        assertThat(stop.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(stop.durationParameter()).contains("startInstancesAfterDuration");
        assertThat(stop.durationKnown()).isTrue();
        assertThat(stop.instant()).isFalse();
        assertThat(placed(plan, "next").start()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void of_stopInstancesWithoutRestart_isInstant() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("stop", Action.builder().actionId(STOP).build())
                .build());

        PlannedAction stop = placed(plan, "stop");
        assertThat(stop.durationKnown()).isTrue();
        assertThat(stop.instant()).isTrue();
        assertThat(stop.durationProblem()).isEmpty();
    }

    @Test
    void of_instantAction_hasZeroDurationAndEndsWhereItStarts() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("wait", waitFor("PT5M"))
                .putAction("kill", action(TERMINATE, null, "wait"))
                .build());

        PlannedAction kill = placed(plan, "kill");
        assertThat(kill.instant()).isTrue();
        assertThat(kill.durationParameter()).isEmpty();
        assertThat(kill.start()).isEqualTo(Duration.ofMinutes(5));
        assertThat(kill.end()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void of_maxDurationAction_isAnUpperBound() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("runbook", Action.builder().actionId("aws:ssm:start-automation-execution")
                        .putParameter("documentArn", "arn:aws:ssm:eu-west-1:123456789012:document/Fail")
                        .putParameter("maxDuration", "PT30M").build())
                .build());

        PlannedAction runbook = placed(plan, "runbook");
        assertThat(runbook.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(runbook.durationIsMaximum()).isTrue();
    }

    @Test
    void of_unknownActionId_isPlacedWithUnknownDuration() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("boom", action("aws:ec2:explode-instances", "PT5M"))
                .putAction("after", waitFor("PT1M", "boom"))
                .build());

        PlannedAction boom = placed(plan, "boom");
        assertThat(boom.durationKnown()).isFalse();
        assertThat(boom.instant()).isFalse();
        assertThat(boom.duration()).isZero();
        assertThat(boom.durationProblem()).contains("unknown action aws:ec2:explode-instances");
        assertThat(placed(plan, "after").start()).isZero();
    }

    @Test
    void of_missingActionId_isPlacedWithUnknownDuration() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("blank", Action.builder().build())
                .build());

        assertThat(placed(plan, "blank").actionId()).isEmpty();
        assertThat(placed(plan, "blank").durationProblem()).contains("no action id");
    }

    @Test
    void of_missingRequiredDuration_isUnknown() {
        ExperimentPlan plan = ExperimentPlan.of(experiment().putAction("w", waitFor(null)).build());

        PlannedAction w = placed(plan, "w");
        assertThat(w.durationKnown()).isFalse();
        assertThat(w.durationParameter()).contains("duration");
        assertThat(w.durationProblem()).contains("missing duration");
    }

    @Test
    void of_unreadableOrNegativeDuration_isUnknown() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("words", waitFor("5 minutes"))
                .putAction("negative", waitFor("-PT5M"))
                .build());

        assertThat(placed(plan, "words").durationKnown()).isFalse();
        assertThat(placed(plan, "words").durationProblem()).contains("unreadable duration \"5 minutes\"");
        assertThat(placed(plan, "negative").durationKnown()).isFalse();
    }

    @Test
    void of_cycle_leavesItsActionsAndTheirDependentsUnscheduled() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("ok", waitFor("PT1M"))
                .putAction("a", waitFor("PT1M", "c"))
                .putAction("b", waitFor("PT1M", "a"))
                .putAction("c", waitFor("PT1M", "b"))
                .putAction("later", waitFor("PT1M", "ok", "b"))
                .build());

        assertThat(plan.actions()).extracting(PlannedAction::name).containsExactly("ok");
        assertThat(plan.unscheduled()).containsExactly("a", "b", "c", "later");
        UnscheduledAction a = plan.unscheduledActions().get(0);
        assertThat(a.reason()).isEqualTo(UnscheduledAction.Reason.CYCLE);
        assertThat(a.related()).containsExactly("a", "c", "b", "a");
        assertThat(a.describe()).isEqualTo("in a startAfter cycle: a → c → b → a");
        UnscheduledAction later = plan.unscheduledActions().get(3);
        assertThat(later.reason()).isEqualTo(UnscheduledAction.Reason.AFTER_UNSCHEDULED);
        assertThat(later.describe()).isEqualTo("starts after unscheduled action \"b\"");
    }

    @Test
    void of_longCycle_namesTenOfItsActionsAndCountsTheRest() {
        Experiment.Builder b = experiment();
        for (int i = 0; i < 25; i++) {
            b.putAction("a" + i, waitFor("PT1M", "a" + ((i + 1) % 25)));
        }
        ExperimentPlan plan = ExperimentPlan.of(b.build());

        assertThat(plan.unscheduledActions()).hasSize(25).allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(UnscheduledAction.Reason.CYCLE);
            assertThat(u.related()).hasSize(UnscheduledAction.MAX_RELATED).startsWith("a0", "a1");
            assertThat(u.relatedOmitted()).isEqualTo(15);
            assertThat(u.describe()).endsWith(" → … (15 more)");
        });
    }

    @Test
    void of_actionAfterItself_isACycleOfOne() {
        ExperimentPlan plan = ExperimentPlan.of(experiment().putAction("self", waitFor("PT1M", "self")).build());

        assertThat(plan.unscheduledActions()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(UnscheduledAction.Reason.CYCLE);
            assertThat(u.describe()).isEqualTo("in a startAfter cycle: self → self");
        });
    }

    @Test
    void of_unknownDependency_isUnscheduled() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("x", waitFor("PT1M", "warmup", "cooldown"))
                .build());

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unscheduledActions()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(UnscheduledAction.Reason.UNKNOWN_DEPENDENCY);
            assertThat(u.related()).containsExactly("warmup", "cooldown");
            assertThat(u.describe()).isEqualTo("starts after unknown actions \"warmup\", \"cooldown\"");
        });
        assertThat(plan.totalDuration()).isZero();
        assertThat(plan.peakParallelism()).isZero();
        assertThat(plan.peakActions()).isEmpty();
    }

    @Test
    void parse_readsIsoDurationsOnly() {
        assertThat(ExperimentPlan.parse("PT1H30M")).contains(Duration.ofMinutes(90));
        assertThat(ExperimentPlan.parse(null)).isEmpty();
        assertThat(ExperimentPlan.parse("90m")).isEmpty();
        assertThat(ExperimentPlan.parse("-PT1M")).isEmpty();
    }

    // --- peak parallelism ---

    @Test
    void peak_countsOverlappingActions() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("a", waitFor("PT10M"))
                .putAction("b", waitFor("PT5M"))
                .putAction("c", waitFor("PT5M", "b"))
                .putAction("d", waitFor("PT2M", "b"))
                .build());

        assertThat(plan.peakParallelism()).isEqualTo(3);
        assertThat(plan.peakActions()).containsExactly("a", "c", "d");
    }

    @Test
    void peak_anActionEndingWhenAnotherStarts_doesNotOverlapIt() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("a", waitFor("PT5M"))
                .putAction("b", waitFor("PT5M", "a"))
                .putAction("c", waitFor("PT5M"))
                .build());

        assertThat(plan.peakParallelism()).isEqualTo(2);
        assertThat(plan.peakActions()).containsExactly("a", "c");
    }

    @Test
    void peak_instantActionsAtTheSameOffset_runTogether() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("kill1", action(TERMINATE, null))
                .putAction("kill2", action(TERMINATE, null))
                .putAction("wait", waitFor("PT5M"))
                .build());

        assertThat(plan.peakParallelism()).isEqualTo(3);
    }

    @Test
    void peak_actionsAfterAnInstantAction_doNotRunBesideIt() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("check", Action.builder().actionId(ALARM_CHECK).build())
                .putAction("inject1", waitFor("PT5M", "check"))
                .putAction("inject2", waitFor("PT5M", "check"))
                .build());

        assertThat(placed(plan, "inject1").start()).isZero();
        assertThat(plan.peakParallelism()).isEqualTo(2);
        assertThat(plan.peakActions()).containsExactly("inject1", "inject2");
    }

    @Test
    void peak_chainOfInstantActions_isOneAtATime() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("third", action(TERMINATE, null, "second"))
                .putAction("second", action(TERMINATE, null, "first"))
                .putAction("first", action(TERMINATE, null))
                .build());

        assertThat(plan.actions()).extracting(PlannedAction::name).containsExactly("first", "second", "third");
        assertThat(plan.peakParallelism()).isEqualTo(1);
        assertThat(plan.totalDuration()).isZero();
    }

    @Test
    void peak_ofAnEmptyExperiment_isZero() {
        ExperimentPlan plan = ExperimentPlan.of(experiment().build());

        assertThat(plan.peakParallelism()).isZero();
        assertThat(plan.totalDuration()).isZero();
        assertThat(plan.summary()).isEqualTo("0 actions, total duration 0s, peak parallelism 0");
        assertThat(plan.timeline()).isEqualTo("Timeline\n  (no actions)\n");
    }

    // --- text ---

    /** Stop 20% of the web fleet for 10 minutes; after a 5-minute wait, terminate some of it. */
    static Experiment threeActions() {
        return experiment()
                .putTarget("web", TemplateTarget.builder().resourceType("aws:ec2:instance").putResourceTag("Role", "Web")
                        .selectionMode(SelectionMode.percent(20)).build())
                .putAction("stop", Action.builder().actionId(STOP)
                        .putParameter("startInstancesAfterDuration", "PT10M").putTarget("Instances", "web").build())
                .putAction("wait", waitFor("PT5M"))
                .putAction("terminate", Action.builder().actionId(TERMINATE).putTarget("Instances", "web")
                        .addStartAfter("wait").build())
                .build();
    }

    @Test
    void summary_saysCountsDurationAndPeak() {
        assertThat(ExperimentPlan.of(threeActions()).summary())
                .isEqualTo("3 actions, total duration 10m, peak parallelism 2 (stop, wait)");
    }

    @Test
    void timeline_threeActions_drawsTheChart() {
        assertThat(ExperimentPlan.of(threeActions()).timeline()).isEqualTo("""
                Timeline
                  action     id                           offsets   |0s                                   10m|
                  stop       aws:ec2:stop-instances       0s → 10m  |########################################|  until restart (startInstancesAfterDuration)
                  wait       aws:fis:wait                 0s → 5m   |####################                    |
                  terminate  aws:ec2:terminate-instances  at 5m     |                    *                   |
                  # running  * instant
                """);
    }

    @Test
    void timeline_marksUnknownDurationsAndListsUnscheduledActions() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putAction("wait", waitFor("PT90S"))
                .putAction("odd", action("aws:ec2:explode-instances", null, "wait"))
                .putAction("runbook", Action.builder().actionId("aws:ssm:start-automation-execution")
                        .putParameter("maxDuration", "PT1M").addStartAfter("wait").build())
                .putAction("loop", waitFor("PT1M", "loop"))
                .putAction("orphan", waitFor("PT1M", "missing"))
                .build());

        assertThat(plan.timeline()).isEqualTo("""
                Timeline
                  action   id                                  offsets       |0s                                2m 30s|
                  wait     aws:fis:wait                        0s → 90s      |########################                |
                  odd      aws:ec2:explode-instances           90s → ?       |                        ?               |  duration unknown: unknown action aws:ec2:explode-instances
                  runbook  aws:ssm:start-automation-execution  90s → 2m 30s  |                        ################|  at most (maxDuration)
                  # running  ? duration unknown
                  Not scheduled:
                    loop    in a startAfter cycle: loop → loop
                    orphan  starts after unknown action "missing"
                """);
    }

    @Test
    void render_joinsSummaryTimelineAndBlastRadius() {
        ExperimentPlan plan = ExperimentPlan.of(threeActions());

        assertThat(plan.render()).isEqualTo("Plan: " + plan.summary() + "\n\n" + plan.timeline() + "\n"
                + plan.blastRadius().render());
        assertThat(plan).hasToString(plan.summary());
    }

    @Test
    void render_controlCharactersInNames_printAsQuestionMarks() {
        ExperimentPlan plan = ExperimentPlan.of(experiment()
                .putTarget("web\u001b[2J", TemplateTarget.builder().resourceType("aws:ec2:instance")
                        .putResourceTag("Role", "a\nb").selectionMode(SelectionMode.all()).build())
                .putAction("evil\nname", Action.builder().actionId(TERMINATE).putTarget("Instances", "web\u001b[2J").build())
                .build());

        String text = plan.render();

        assertThat(text).doesNotContain("\u001b").contains("evil?name", "web?[2J", "Role=a?b");
        assertThat(text.lines()).noneMatch(line -> line.equals("name") || line.startsWith("b "));
    }

    @Test
    void actions_keepTheirTargetsAndStartAfter() {
        ExperimentPlan plan = ExperimentPlan.of(threeActions());

        assertThat(placed(plan, "terminate").targets()).containsEntry("Instances", "web");
        assertThat(placed(plan, "terminate").startAfter()).isEqualTo(List.of("wait"));
        assertThat(plan.action("nope")).isEmpty();
    }

    // --- duration bound ---

    @Test
    void durationBound_isTheSumOfTheActionsDurations_instantAndUnknownOnesCountingZero() {
        Experiment e = experiment()
                .putAction("wait", waitFor("PT5M"))
                .putAction("again", waitFor("PT10M", "wait"))
                .putAction("beside", waitFor("PT2M"))
                .putAction("terminate", action(TERMINATE, null, "wait"))
                .putAction("unknown", action("aws:nope:nothing", "PT1H"))
                .putAction("unreadable", waitFor("five minutes"))
                .build();

        assertThat(ExperimentPlan.durationBound(e, Catalog.defaultCatalog())).isEqualTo(Duration.ofMinutes(17));
        assertThat(ExperimentPlan.of(e).totalDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void durationBound_roundsFractionsOfASecondUp() {
        Experiment e = experiment().putAction("a", waitFor("PT0.5S")).putAction("b", waitFor("PT1.25S")).build();

        assertThat(ExperimentPlan.durationBound(e, Catalog.defaultCatalog())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void durationBound_boundsTheTotalAndEveryActionOfGeneratedExperiments() {
        for (long seed = 0; seed < 400; seed++) {
            Experiment e = (seed % 2 == 0 ? ExperimentGenerator.valid() : ExperimentGenerator.any()).generate(seed);
            ExperimentPlan plan = ExperimentPlan.of(e);
            Duration bound = ExperimentPlan.durationBound(e, Catalog.defaultCatalog());
            Duration sum = Duration.ZERO;
            for (PlannedAction a : plan.actions()) {
                sum = sum.plus(a.duration());
            }
            assertThat(bound).as("seed %d", seed).isGreaterThanOrEqualTo(plan.totalDuration());
            if (plan.unscheduled().isEmpty()) {
                // every action placed: the bound is exactly the sum of the plan's durations, rounded up
                assertThat(bound).as("seed %d", seed).isBetween(sum, sum.plusSeconds(plan.actions().size()));
            }
        }
    }
}
