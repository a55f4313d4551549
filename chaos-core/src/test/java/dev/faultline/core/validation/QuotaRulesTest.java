package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Templates.ACTION;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.check;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

    @Test
    void validate_elevenActionsInParallel_exceedsTheQuotaOfTen() {
        Experiment.Builder b = builder();
        for (int i = 1; i <= 10; i++) {
            b.putAction("Hold" + i, waitFor("PT5M"));
        }
        Violation v = one(validate(b.build()), "quota.parallel-actions-too-many", ERROR, "/actions");
        assertThat(v.message()).contains("11 actions run at once").contains("L-EB051440");
        assertThat(validate(b.build()).violations()).hasSize(1);
    }

    @Test
    void validate_tenActionsInParallel_isWithinTheQuota() {
        Experiment.Builder b = builder();
        for (int i = 1; i <= 9; i++) {
            b.putAction("Hold" + i, waitFor("PT5M"));
        }
        assertThat(validate(b.build()).violations()).isEmpty();
    }

    @Test
    void validate_elevenActionsChainedInTwoWaves_isWithinTheQuota() {
        Experiment.Builder b = builder();
        for (int i = 1; i <= 10; i++) {
            b.putAction("Hold" + i, waitFor("PT5M", i <= 5 ? ACTION : "Hold1"));
        }
        assertThat(validate(b.build()).violations()).isEmpty();
    }

    @Test
    void validate_actionsSummingToMoreThanTwelveHoursInTwoParallelChains_isWithinTheQuota() {
        // 18 hours of actions, but two chains of 9 hours side by side: the plan, not the sum, decides
        Experiment e = builder().putAction("A1", waitFor("PT3H", ACTION)).putAction("A2", waitFor("PT3H", "A1"))
                .putAction("A3", waitFor("PT3H", "A2")).putAction("B1", waitFor("PT3H", ACTION))
                .putAction("B2", waitFor("PT3H", "B1")).putAction("B3", waitFor("PT3H", "B2")).build();
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_elevenShortActionsInOneChain_isWithinTheQuota() {
        // more actions than may run at once, so the plan is built: it finds one at a time
        Experiment.Builder b = builder();
        String previous = ACTION;
        for (int i = 1; i <= 11; i++) {
            b.putAction("Step" + i, waitFor("PT1M", previous));
            previous = "Step" + i;
        }
        assertThat(validate(b.build()).violations()).isEmpty();
    }

    @Test
    void validate_thirteenHourExperiment_exceedsTwelveHours() {
        Experiment e = builder().putAction("Soak", waitFor("PT8H", ACTION)).putAction("Recover", waitFor("PT4H55M", "Soak"))
                .putAction("Observe", waitFor("PT5M", "Recover")).build();
        Violation v = one(validate(e), "quota.duration-too-long", ERROR, "/actions");
        assertThat(v.message()).contains("13h").contains("L-6C1E4427");
        assertThat(validate(e).violations()).hasSize(1);
    }

    @Test
    void validate_twelveHourExperiment_isWithinTheQuota() {
        Experiment e = builder().putAction("Soak", waitFor("PT8H", ACTION)).putAction("Recover", waitFor("PT3H55M", "Soak")).build();
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_thirteenHourAction_isOneError_theCatalogsRange() {
        Experiment e = builder().putAction("Soak", waitFor("PT13H")).build();
        // the catalog's PT12H maximum, the action quota and the experiment quota say the same thing: one fault, one error
        Violation v = one(validate(e), "parameter.range", ERROR, "/actions/Soak/parameters/duration");
        assertThat(validate(e).errors()).containsExactly(v);
    }

    @Test
    void validate_thirteenHourActionAfterAnotherSixHours_alsoBreaksTheExperimentQuota() {
        Experiment e = builder().putAction("Soak", waitFor("PT13H", ACTION)).putAction("More", waitFor("PT7H", "Soak")).build();
        one(validate(e), "parameter.range", ERROR, "/actions/Soak/parameters/duration");
        one(validate(e), "quota.duration-too-long", ERROR, "/actions");
        assertThat(validate(e).withCode("quota.action-duration-too-long")).isEmpty();
    }

    @Test
    void check_chainedDurationsBeyondWhatADurationHolds_isADurationQuotaErrorNotAnInternalOne() {
        String huge = "PT2562047788015215H"; // close to Long.MAX_VALUE seconds; two of them overflow the plan
        Experiment e = builder().putAction("Soak", waitFor(huge, ACTION)).putAction("Again", waitFor(huge, "Soak")).build();
        one(check(new QuotaRules(), e), "quota.duration-too-long", ERROR, "/actions");
        assertThat(validate(e).withCode("template.rule-failed")).isEmpty();
    }

    @Test
    void check_noActions_reportsNothing() {
        assertThat(check(new QuotaRules(), builder().actions(Map.of()).build())).isEmpty();
    }

    @Test
    void check_cycle_isLeftToTheGraphRules() {
        Experiment e = builder().putAction("a", waitFor("PT1M", "b")).putAction("b", waitFor("PT1M", "a")).build();
        assertThat(check(new QuotaRules(), e)).isEmpty();
    }

    @Test
    void check_twentyActionsInParallel_exceedsTheParallelQuota() {
        Experiment.Builder b = builder();
        for (int i = 1; i <= 19; i++) {
            b.putAction("Hold" + i, waitFor("PT5M"));
        }
        one(check(new QuotaRules(), b.build()), "quota.parallel-actions-too-many", ERROR, "/actions");
    }

    @Test
    void validate_twentyOneActionsInParallel_isOnlyTheActionQuota_thePlanIsSkipped() {
        Experiment.Builder b = builder();
        for (int i = 1; i <= 20; i++) {
            b.putAction("Hold" + i, waitFor("PT5M"));
        }
        // FIS refuses more than 20 actions: the run-time quotas cannot matter, so the plan is not built
        assertThat(check(new QuotaRules(), b.build())).isEmpty();
        one(validate(b.build()), "quota.actions-too-many", ERROR, "/actions");
        assertThat(validate(b.build()).withCode("quota.parallel-actions-too-many")).isEmpty();
    }
}
