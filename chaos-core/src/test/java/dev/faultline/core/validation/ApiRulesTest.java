package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.ACTION;
import static dev.faultline.core.validation.Templates.ALARM_ARN;
import static dev.faultline.core.validation.Templates.TARGET;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.check;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.waitFor;
import static dev.faultline.core.validation.Templates.withAction;
import static dev.faultline.core.validation.Templates.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

    private static final String EMOJI = "\uD83D\uDCA5"; // one code point, two UTF-16 units
    private static final String ARN_1 = "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0";

    private static List<Violation> api(Experiment e) {
        return check(new ApiRules(), e);
    }

    // ---- template fields ---------------------------------------------------------------

    @Test
    void validate_missingDescription_isRequired() {
        one(validate(builder().description(Optional.empty()).build()), "template.field-missing", ERROR, "/description");
    }

    @Test
    void validate_descriptionOf512Emoji_isAcceptedBecauseLengthCountsCodePoints() {
        String description = EMOJI.repeat(512);
        assertThat(description.length()).isEqualTo(1024);
        assertThat(validate(builder().description(description).build()).violations()).isEmpty();
    }

    @Test
    void validate_descriptionOf513Emoji_isTooLong() {
        Violation v = one(validate(builder().description(EMOJI.repeat(513)).build()), "template.field-too-long", ERROR, "/description");
        assertThat(v.message()).contains("513 characters").contains("at most 512");
    }

    @Test
    void validate_emptyDescription_isTooShort() {
        one(validate(builder().description("").build()), "template.field-too-short", ERROR, "/description");
    }

    @Test
    void validate_missingRoleArn_isRequired() {
        one(validate(builder().roleArn(Optional.empty()).build()), "template.field-missing", ERROR, "/roleArn");
    }

    @Test
    void validate_templateIdLongerThan64_isTooLong() {
        Experiment e = builder().metadata(TemplateMetadata.builder().id("EXT" + "a".repeat(62)).build()).build();
        one(validate(e), "template.field-too-long", ERROR, "/id");
    }

    // ---- tags ----------------------------------------------------------------------------

    @Test
    void validate_51TemplateTags_isTooMany() {
        Experiment.Builder b = builder();
        for (int i = 0; i < 51; i++) {
            b.putTag("k" + i, "v");
        }
        one(validate(b.build()), "template.tags-too-many", ERROR, "/tags");
    }

    @Test
    void validate_51ResourceTags_isTooMany() {
        Experiment e = withTarget(t -> {
            for (int i = 0; i < 50; i++) {
                t.putResourceTag("k" + i, "v");
            }
            return t;
        });
        assertThat(e.targets().get(TARGET).resourceTags()).hasSize(51);
        one(validate(e), "template.tags-too-many", ERROR, "/targets/WorkerNodes/resourceTags");
    }

    @Test
    void validate_templateTagWithAwsPrefix_isReserved() {
        one(validate(builder().putTag("aws:owner", "me").build()), "template.tag-reserved", ERROR, "/tags/aws:owner");
    }

    @Test
    void validate_resourceTagWithAwsPrefix_isAllowedBecauseItSelectsAndDoesNotSet() {
        Experiment e = withTarget(t -> t.putResourceTag("aws:autoscaling:groupName", "workers"));
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_tagKeyOf129Characters_isTooLong() {
        String key = "k".repeat(129);
        one(validate(builder().putTag(key, "v").build()), "template.field-too-long", ERROR, "/tags/" + key);
    }

    @Test
    void validate_tagValueOf257Characters_isTooLong() {
        one(validate(builder().putTag("team", "v".repeat(257)).build()), "template.field-too-long", ERROR, "/tags/team");
    }

    // ---- stop conditions -----------------------------------------------------------------

    @Test
    void validate_noStopConditions_isRequired() {
        one(validate(builder().stopConditions(List.of()).build()), "template.field-missing", ERROR, "/stopConditions");
    }

    @Test
    void validate_explicitlyEmptyStopConditionList_warns() {
        Experiment e = builder().stopConditions(List.of()).build();
        SourceLayout layout = SourceLayout.of(Set.of(FieldLocation.of(CollectionField.STOP_CONDITIONS)));
        one(Validator.standard().validate(e, layout), "stop-condition.list-empty", WARNING, "/stopConditions");
        assertThat(Validator.standard().validate(e, layout).hasErrors()).isFalse();
    }

    @Test
    void validate_sixStopConditions_exceedsTheQuotaOfFive() {
        Experiment.Builder b = builder().stopConditions(List.of());
        for (int i = 0; i < 6; i++) {
            b.addStopCondition(StopCondition.alarm(ALARM_ARN + i));
        }
        Violation v = one(validate(b.build()), "quota.stop-conditions-too-many", ERROR, "/stopConditions");
        assertThat(v.message()).contains("6 stop conditions").contains("L-872EC72B");
    }

    @Test
    void validate_fiveStopConditions_isWithinTheQuota() {
        Experiment.Builder b = builder().stopConditions(List.of());
        for (int i = 0; i < 5; i++) {
            b.addStopCondition(StopCondition.alarm(ALARM_ARN + i));
        }
        assertThat(validate(b.build()).violations()).isEmpty();
    }

    @Test
    void validate_alarmSourceTypo_suggestsCloudWatchAlarm() {
        Experiment e = builder().stopConditions(List.of(StopCondition.builder()
                .source("aws:cloudwatch:alrm").value(ALARM_ARN).build())).build();
        Violation v = one(validate(e), "stop-condition.source-unknown", ERROR, "/stopConditions/0/source");
        assertThat(v.hint()).contains("Did you mean 'aws:cloudwatch:alarm'?");
    }

    @Test
    void validate_unrelatedStopConditionSource_namesTheAlarmSource() {
        Experiment e = builder().stopConditions(List.of(StopCondition.builder()
                .source("aws:sns:topic").value(ALARM_ARN).build())).build();
        Violation v = one(validate(e), "stop-condition.source-unknown", ERROR, "/stopConditions/0/source");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("aws:cloudwatch:alarm"));
    }

    @Test
    void validate_stopConditionWithoutSource_isRequired() {
        Experiment e = builder().stopConditions(List.of(StopCondition.builder().value(ALARM_ARN).build())).build();
        one(validate(e), "template.field-missing", ERROR, "/stopConditions/0/source");
    }

    @Test
    void validate_alarmStopConditionWithoutValue_isRequired() {
        Experiment e = builder().stopConditions(List.of(StopCondition.builder()
                .source(StopCondition.SOURCE_ALARM).build())).build();
        one(validate(e), "template.field-missing", ERROR, "/stopConditions/0/value");
    }

    @Test
    void validate_noneStopConditionWithValue_warnsTheValueIsIgnored() {
        Experiment e = builder().stopConditions(List.of(StopCondition.builder()
                .source(StopCondition.SOURCE_NONE).value(ALARM_ARN).build())).build();
        one(validate(e), "stop-condition.value-ignored", WARNING, "/stopConditions/0/value");
    }

    @Test
    void validate_noneMixedWithAlarm_warns() {
        Experiment e = builder().addStopCondition(StopCondition.none()).build();
        one(validate(e), "stop-condition.none-conflict", WARNING, "/stopConditions");
    }

    @Test
    void validate_noneOnly_isValid() {
        assertThat(validate(builder().stopConditions(List.of(StopCondition.none())).build()).violations()).isEmpty();
    }

    // ---- targets -------------------------------------------------------------------------

    @Test
    void validate_targetWithoutResourceType_isRequired() {
        one(validate(withTarget(t -> t.resourceType(Optional.empty()))), "template.field-missing", ERROR,
                "/targets/WorkerNodes/resourceType");
    }

    @Test
    void validate_targetWithoutSelectionMode_isRequired() {
        one(validate(withTarget(t -> t.selectionMode(Optional.empty()))), "template.field-missing", ERROR,
                "/targets/WorkerNodes/selectionMode");
    }

    @Test
    void validate_lowerCaseSelectionMode_suggestsCapitals() {
        Violation v = one(validate(withTarget(t -> t.selectionMode(SelectionMode.of("percent(20)")))),
                "target.selection-mode-format", ERROR, "/targets/WorkerNodes/selectionMode");
        assertThat(v.hint()).contains("Did you mean 'PERCENT(20)'?");
    }

    @Test
    void validate_percentOver100_isOutOfRange() {
        one(validate(withTarget(t -> t.selectionMode(SelectionMode.of("PERCENT(101)")))),
                "target.selection-mode-range", ERROR, "/targets/WorkerNodes/selectionMode");
    }

    @Test
    void validate_countZero_isOutOfRange() {
        one(validate(withTarget(t -> t.selectionMode(SelectionMode.of("COUNT(0)")))),
                "target.selection-mode-range", ERROR, "/targets/WorkerNodes/selectionMode");
    }

    @Test
    void validate_sixArns_isTooMany() {
        Experiment e = withTarget(t -> {
            t.resourceTags(java.util.Map.of()).filters(List.of()).selectionMode(SelectionMode.all());
            for (int i = 0; i < 6; i++) {
                t.addResourceArn(ARN_1.substring(0, ARN_1.length() - 1) + i);
            }
            return t;
        });
        one(validate(e), "target.arns-too-many", ERROR, "/targets/WorkerNodes/resourceArns");
        assertThat(validate(e).errors()).as("one error for one problem").hasSize(1);
    }

    @Test
    void validate_arnsWithTags_isRejected() {
        Experiment e = withTarget(t -> t.filters(List.of()).addResourceArn(ARN_1));
        one(validate(e), "target.arns-tags-conflict", ERROR, "/targets/WorkerNodes/resourceTags");
        assertThat(validate(e).withCode("target.arns-filters-conflict")).isEmpty();
    }

    @Test
    void validate_arnsWithFilters_isRejected() {
        Experiment e = withTarget(t -> t.resourceTags(java.util.Map.of()).addResourceArn(ARN_1));
        one(validate(e), "target.arns-filters-conflict", ERROR, "/targets/WorkerNodes/filters");
        assertThat(validate(e).withCode("target.arns-tags-conflict")).isEmpty();
    }

    @Test
    void validate_tagsWithFilters_isAllowed() {
        assertThat(validate(Templates.base()).withCode("target.arns-filters-conflict")).isEmpty();
    }

    @Test
    void validate_targetNamingNoResources_isUnidentified() {
        Experiment e = withTarget(t -> t.resourceTags(java.util.Map.of()).filters(List.of()));
        one(validate(e), "target.identification-missing", ERROR, "/targets/WorkerNodes");
    }

    @Test
    void validate_blankTargetName_isAPatternError() {
        Experiment e = builder().putTarget(" ", Templates.workerNodes()).build();
        one(api(e), "template.field-format", ERROR, "/targets/ ");
    }

    @Test
    void validate_targetNameOf65Characters_isTooLong() {
        String name = "t".repeat(65);
        Experiment e = builder().targets(java.util.Map.of(name, Templates.workerNodes()))
                .putAction(ACTION, Action.builder().from(Templates.stopNodes()).putTarget("Instances", name).build()).build();
        one(validate(e), "template.field-too-long", ERROR, "/targets/" + name);
    }

    @Test
    void validate_targetParameterWithComma_warnsAboutTheApiPattern() {
        Experiment e = builder().putTarget("Dbs", TemplateTarget.builder().resourceType("aws:rds:db").putResourceTag("Tier", "db")
                .putParameter("availabilityZoneIdentifiers", "us-east-1a,us-east-1b").selectionMode(SelectionMode.all()).build())
                .build();
        one(api(e), "target.parameter-comma-ambiguous", WARNING, "/targets/Dbs/parameters/availabilityZoneIdentifiers");
    }

    @Test
    void validate_targetParameterWithHash_isAPatternError() {
        Experiment e = builder().putTarget("Dbs", TemplateTarget.builder().resourceType("aws:rds:db").putResourceTag("Tier", "db")
                .putParameter("availabilityZoneIdentifiers", "us-east-1a#b").selectionMode(SelectionMode.all()).build())
                .build();
        one(api(e), "template.field-format", ERROR, "/targets/Dbs/parameters/availabilityZoneIdentifiers");
    }

    @Test
    void validate_lambdaQualifierLatest_isAcceptedAsDocumented() {
        Experiment e = builder().putTarget("Functions", TemplateTarget.builder().resourceType("aws:lambda:function")
                        .putResourceTag("App", "shop").putParameter("functionQualifier", "$LATEST").selectionMode(SelectionMode.all())
                        .build())
                .putAction("Delay", Action.builder().actionId("aws:lambda:invocation-add-delay").putTarget("Functions", "Functions")
                        .putParameter("duration", "PT5M").build())
                .build();
        assertThat(validate(e).violations()).isEmpty();
    }

    // ---- filters -------------------------------------------------------------------------

    @Test
    void validate_camelCaseFilterPath_warnsPascalCase() {
        Experiment e = withTarget(t -> t.filters(List.of(Filter.of("state.name", "running"))));
        one(validate(e), "target.filter-path-format", WARNING, "/targets/WorkerNodes/filters/0/path");
    }

    @Test
    void validate_filterOnTags_warnsToUseResourceTags() {
        Experiment e = withTarget(t -> t.filters(List.of(Filter.of("Tags.Value", "x"))));
        one(validate(e), "target.filter-path-misused", WARNING, "/targets/WorkerNodes/filters/0/path");
    }

    @Test
    void validate_filterWithoutValues_isRequired() {
        Experiment e = withTarget(t -> t.filters(List.of(Filter.builder().path("State.Name").build())));
        one(validate(e), "template.field-missing", ERROR, "/targets/WorkerNodes/filters/0/values");
    }

    @Test
    void validate_filterWithoutPath_isRequired() {
        Experiment e = withTarget(t -> t.filters(List.of(Filter.builder().addValue("running").build())));
        one(validate(e), "template.field-missing", ERROR, "/targets/WorkerNodes/filters/0/path");
    }

    @Test
    void validate_filterValueOf129Characters_isTooLong() {
        Experiment e = withTarget(t -> t.filters(List.of(Filter.of("State.Name", "r".repeat(129)))));
        one(validate(e), "template.field-too-long", ERROR, "/targets/WorkerNodes/filters/0/values/0");
    }

    // ---- actions -------------------------------------------------------------------------

    @Test
    void validate_noActions_isRequired() {
        Experiment e = builder().actions(java.util.Map.of()).build();
        one(api(e), "template.field-missing", ERROR, "/actions");
    }

    @Test
    void validate_21Actions_exceedsTheQuotaOf20() {
        Experiment.Builder b = builder();
        String previous = ACTION;
        for (int i = 1; i <= 20; i++) {
            b.putAction("Wait" + i, waitFor("PT1M", previous));
            previous = "Wait" + i;
        }
        Violation v = one(validate(b.build()), "quota.actions-too-many", ERROR, "/actions");
        assertThat(v.message()).contains("21 actions").contains("L-0BFE6B67");
    }

    @Test
    void validate_20Actions_isWithinTheQuota() {
        Experiment.Builder b = builder();
        String previous = ACTION;
        for (int i = 1; i <= 19; i++) {
            b.putAction("Wait" + i, waitFor("PT1M", previous));
            previous = "Wait" + i;
        }
        assertThat(validate(b.build()).violations()).isEmpty();
    }

    @Test
    void validate_actionWithoutActionId_isRequired() {
        one(validate(withAction(a -> a.actionId(Optional.empty()))), "template.field-missing", ERROR, "/actions/StopNodes/actionId");
    }

    @Test
    void validate_actionTargetNamingNoTarget_suggestsTheNearest() {
        Violation v = one(validate(withAction(a -> a.putTarget("Instances", "WorkerNode"))), "action.target-unknown",
                ERROR, "/actions/StopNodes/targets/Instances");
        assertThat(v.hint()).contains("Did you mean 'WorkerNodes'?");
    }

    @Test
    void validate_blankActionParameterValue_isAPatternError() {
        one(api(withAction(a -> a.putParameter("startInstancesAfterDuration", "  "))), "template.field-format", ERROR,
                "/actions/StopNodes/parameters/startInstancesAfterDuration");
    }

    @Test
    void validate_actionParameterValueOf1025Characters_isTooLong() {
        one(api(withAction(a -> a.putParameter("startInstancesAfterDuration", "P".repeat(1025)))), "template.field-too-long", ERROR,
                "/actions/StopNodes/parameters/startInstancesAfterDuration");
    }

    // ---- log and report configuration ------------------------------------------------------

    private static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/fis/experiments";

    @Test
    void validate_logConfigurationWithoutSchemaVersion_isRequired() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder()
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(LOG_GROUP)).build()).build();
        one(validate(e), "template.field-missing", ERROR, "/logConfiguration/logSchemaVersion");
    }

    @Test
    void validate_logSchemaVersionZero_isAnError() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(0)
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(LOG_GROUP)).build()).build();
        one(validate(e), "log.schema-version-range", ERROR, "/logConfiguration/logSchemaVersion");
    }

    @Test
    void validate_logSchemaVersionOne_warnsItIsNotCurrent() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(1)
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(LOG_GROUP)).build()).build();
        one(validate(e), "log.schema-version-outdated", WARNING, "/logConfiguration/logSchemaVersion");
    }

    @Test
    void validate_logConfigurationWithoutDestination_isAnError() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(2).build()).build();
        one(validate(e), "log.destination-missing", ERROR, "/logConfiguration");
    }

    @Test
    void validate_cloudWatchLogsWithoutLogGroup_isRequired() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.builder().build()).build()).build();
        one(validate(e), "template.field-missing", ERROR, "/logConfiguration/cloudWatchLogsConfiguration/logGroupArn");
    }

    @Test
    void validate_s3BucketNameOfTwoCharacters_isTooShort() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                .s3Configuration(S3Configuration.builder().bucketName("ab").build()).build()).build();
        one(validate(e), "template.field-too-short", ERROR, "/logConfiguration/s3Configuration/bucketName");
    }

    @Test
    void validate_validLogConfiguration_hasNoViolations() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(LOG_GROUP))
                .s3Configuration(S3Configuration.builder().bucketName("fis-logs").prefix("experiments/").build())
                .build()).build();
        assertThat(validate(e).violations()).isEmpty();
    }

    @Test
    void validate_reportWithoutOutput_warns() {
        Experiment e = builder().experimentReportConfiguration(ReportConfiguration.builder().build()).build();
        one(validate(e), "report.output-missing", WARNING, "/experimentReportConfiguration");
    }

    @Test
    void validate_reportDurationInWords_isNotAnIsoDuration() {
        Experiment e = builder().experimentReportConfiguration(ReportConfiguration.builder()
                .s3Configuration(S3Configuration.builder().bucketName("fis-reports").build())
                .preExperimentDuration("20 minutes").build()).build();
        one(validate(e), "report.duration-format", ERROR, "/experimentReportConfiguration/preExperimentDuration");
    }

    @Test
    void validate_reportDurationOfZero_isOutOfRange() {
        Experiment e = builder().experimentReportConfiguration(ReportConfiguration.builder()
                .s3Configuration(S3Configuration.builder().bucketName("fis-reports").build())
                .postExperimentDuration("PT0S").build()).build();
        one(validate(e), "report.duration-range", ERROR, "/experimentReportConfiguration/postExperimentDuration");
    }

    // ---- target accounts -----------------------------------------------------------------

    private static TargetAccountConfiguration account(String id) {
        return TargetAccountConfiguration.builder().accountId(id).roleArn("arn:aws:iam::" + id + ":role/FisTarget").build();
    }

    private static Experiment.Builder multiAccount() {
        return builder().experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build());
    }

    @Test
    void validate_targetAccountsInSingleAccountMode_isAnError() {
        Experiment e = builder().addTargetAccountConfiguration(account("210987654321")).build();
        one(validate(e), "account.configurations-conflict", ERROR, "/targetAccountConfigurations");
    }

    @Test
    void validate_multiAccountWithoutAccounts_warns() {
        one(validate(multiAccount().build()), "account.configurations-missing", WARNING, "/experimentOptions/accountTargeting");
    }

    @Test
    void validate_elevenTargetAccounts_exceedsTheQuotaOfTen() {
        List<TargetAccountConfiguration> accounts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            accounts.add(account("2109876543" + (10 + i)));
        }
        one(validate(multiAccount().targetAccountConfigurations(accounts).build()), "quota.target-accounts-too-many", ERROR,
                "/targetAccountConfigurations");
    }

    @Test
    void validate_sameTargetAccountTwice_isADuplicate() {
        Experiment e = multiAccount().addTargetAccountConfiguration(account("210987654321"))
                .addTargetAccountConfiguration(account("210987654321")).build();
        one(validate(e), "account.id-duplicate", ERROR, "/targetAccountConfigurations/1/accountId");
    }

    @Test
    void validate_shortAccountId_isTooShort() {
        Experiment e = multiAccount().addTargetAccountConfiguration(TargetAccountConfiguration.builder()
                .accountId("2109").roleArn("arn:aws:iam::210987654321:role/FisTarget").build()).build();
        one(api(e), "template.field-too-short", ERROR, "/targetAccountConfigurations/0/accountId");
    }

    @Test
    void validate_targetAccountWithoutRole_isRequired() {
        Experiment e = multiAccount().addTargetAccountConfiguration(TargetAccountConfiguration.builder()
                .accountId("210987654321").build()).build();
        one(validate(e), "template.field-missing", ERROR, "/targetAccountConfigurations/0/roleArn");
    }

    @Test
    void validate_validMultiAccountExperiment_hasNoViolations() {
        assertThat(validate(multiAccount().addTargetAccountConfiguration(account("210987654321")).build()).violations())
                .isEmpty();
    }
}
