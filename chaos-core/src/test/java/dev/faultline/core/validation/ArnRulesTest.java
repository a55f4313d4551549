package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.TARGET;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.withAction;
import static dev.faultline.core.validation.Templates.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArnRulesTest {

    private static Experiment alarm(String arn) {
        return builder().stopConditions(List.of(StopCondition.alarm(arn))).build();
    }

    private static Experiment role(String arn) {
        return builder().roleArn(arn).build();
    }

    private static Experiment sendCommand(String documentArn) {
        return builder().putAction("Stress", Action.builder().actionId("aws:ssm:send-command")
                .putTarget("Instances", TARGET).putParameter("documentArn", documentArn)
                .putParameter("documentParameters", "{\"DurationSeconds\":\"60\"}").putParameter("duration", "PT5M")
                .build()).build();
    }

    private static void noArnErrors(ValidationResult r) {
        assertThat(r.violations()).noneMatch(v -> v.code().startsWith("arn."));
    }

    // ---- partition, service, Region, account, resource -------------------------------------

    @Test
    void validate_roleArnWithMisspelledPartition_suggestsAws() {
        Violation v = one(validate(role("arn:asw:iam::123456789012:role/FisRole")), "arn.partition-unknown", ERROR, "/roleArn");
        assertThat(v.hint()).contains("Did you mean 'aws'?");
    }

    @Test
    void validate_otherPartitionsAndTheirRegions_areAccepted() {
        Experiment govCloud = builder().roleArn("arn:aws-us-gov:iam::123456789012:role/FisRole")
                .stopConditions(List.of(StopCondition.alarm("arn:aws-us-gov:cloudwatch:us-gov-west-1:123456789012:alarm:A")))
                .build();
        Experiment china = builder().roleArn("arn:aws-cn:iam::123456789012:role/FisRole")
                .stopConditions(List.of(StopCondition.alarm("arn:aws-cn:cloudwatch:cn-northwest-1:123456789012:alarm:A")))
                .build();
        Experiment sovereign = builder().roleArn("arn:aws-eusc:iam::123456789012:role/FisRole")
                .stopConditions(List.of(StopCondition.alarm("arn:aws-eusc:cloudwatch:eusc-de-east-1:123456789012:alarm:A")))
                .build();
        assertThat(validate(govCloud).violations()).isEmpty();
        assertThat(validate(china).violations()).isEmpty();
        assertThat(validate(sovereign).violations()).isEmpty();
    }

    @Test
    void validate_alarmArnWithIncompleteRegion_isARegionError() {
        one(validate(alarm("arn:aws:cloudwatch:us-east:123456789012:alarm:App5xx")), "arn.region-format", ERROR,
                "/stopConditions/0/value");
    }

    @Test
    void validate_alarmArnWithoutRegion_isARegionError() {
        one(validate(alarm("arn:aws:cloudwatch::123456789012:alarm:App5xx")), "arn.region-format", ERROR, "/stopConditions/0/value");
    }

    @Test
    void validate_roleArnWithRegion_isARegionErrorBecauseIamIsGlobal() {
        one(validate(role("arn:aws:iam:us-east-1:123456789012:role/FisRole")), "arn.region-format", ERROR, "/roleArn");
    }

    @Test
    void validate_roleArnWithElevenDigitAccount_isAnAccountError() {
        one(validate(role("arn:aws:iam::12345678901:role/FisRole")), "arn.account-format", ERROR, "/roleArn");
    }

    @Test
    void validate_alarmArnWithDashedAccount_isAnAccountError() {
        one(validate(alarm("arn:aws:cloudwatch:us-east-1:1234-5678-9012:alarm:App5xx")), "arn.account-format", ERROR,
                "/stopConditions/0/value");
    }

    @Test
    void validate_alarmArnWithoutAccount_isAnAccountError() {
        one(validate(alarm("arn:aws:cloudwatch:us-east-1::alarm:App5xx")), "arn.account-format", ERROR, "/stopConditions/0/value");
    }

    @Test
    void validate_roleArnOfAnotherService_isAServiceError() {
        Violation v = one(validate(role("arn:aws:sts::123456789012:assumed-role/FisRole/session")), "arn.service-mismatch", ERROR,
                "/roleArn");
        assertThat(v.message()).contains("iam");
    }

    @Test
    void validate_serviceInCapitals_isAServiceError() {
        one(validate(role("arn:aws:IAM::123456789012:role/FisRole")), "arn.service-format", ERROR, "/roleArn");
    }

    @Test
    void validate_roleArnWithoutResource_isAResourceError() {
        one(validate(role("arn:aws:iam::123456789012:")), "arn.resource-format", ERROR, "/roleArn");
    }

    @Test
    void validate_alarmArnOfADashboard_isAResourceError() {
        one(validate(alarm("arn:aws:cloudwatch:us-east-1:123456789012:dashboard/App")), "arn.resource-format", ERROR,
                "/stopConditions/0/value");
    }

    @Test
    void validate_roleNameInsteadOfArn_isASyntaxError() {
        one(validate(role("FisRole-in-account-123456789012")), "arn.format", ERROR, "/roleArn");
    }

    @Test
    void validate_targetArnWithTooFewParts_isASyntaxError() {
        Experiment e = withTarget(t -> t.resourceTags(Map.of()).filters(List.of())
                .addResourceArn("arn:aws:ec2:us-east-1:123456789012").selectionMode(SelectionMode.all()));
        one(validate(e), "arn.format", ERROR, "/targets/WorkerNodes/resourceArns/0");
    }

    @Test
    void validate_logGroupArnOfAnotherService_isAServiceError() {
        Experiment e = builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(
                        "arn:aws:s3:us-east-1:123456789012:log-group:/fis")).build()).build();
        one(validate(e), "arn.service-mismatch", ERROR, "/logConfiguration/cloudWatchLogsConfiguration/logGroupArn");
    }

    @Test
    void validate_dashboardArnWithAlarmResource_isAResourceError() {
        Experiment e = builder().experimentReportConfiguration(ReportConfiguration.builder()
                .s3Configuration(S3Configuration.builder().bucketName("fis-reports").build())
                .addCloudWatchDashboard("arn:aws:cloudwatch::123456789012:alarm:App5xx").build()).build();
        one(validate(e), "arn.resource-format", ERROR,
                "/experimentReportConfiguration/dataSources/cloudWatchDashboards/0/dashboardIdentifier");
    }

    @Test
    void validate_targetAccountRoleInAnotherAccount_isAnAccountError() {
        Experiment e = builder()
                .experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("210987654321")
                        .roleArn("arn:aws:iam::123456789012:role/FisTarget").build()).build();
        one(validate(e), "arn.account-format", ERROR, "/targetAccountConfigurations/0/roleArn");
    }

    // ---- ARNs in action parameters -----------------------------------------------------------

    @Test
    void validate_documentArnWithShortAccount_isAnAccountError() {
        one(validate(sendCommand("arn:aws:ssm:us-east-1:1234:document/AWSFIS-Run-CPU-Stress")), "arn.account-format", ERROR,
                "/actions/Stress/parameters/documentArn");
    }

    @Test
    void validate_awsOwnedDocumentArnWithoutAccount_isValid() {
        assertThat(validate(sendCommand("arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress")).violations()).isEmpty();
    }

    @Test
    void validate_documentNameInsteadOfArn_isASyntaxError() {
        one(validate(sendCommand("AWSFIS-Run-CPU-Stress")), "arn.format", ERROR, "/actions/Stress/parameters/documentArn");
    }

    @Test
    void validate_alarmArnsListWithABadRegion_isARegionError() {
        Experiment e = builder().putAction("Assert", Action.builder().actionId("aws:cloudwatch:assert-alarm-state")
                .putParameter("alarmArns", Templates.ALARM_ARN + ",arn:aws:cloudwatch:useast1:123456789012:alarm:B")
                .putParameter("alarmStates", "OK").build()).build();
        one(validate(e), "arn.region-format", ERROR, "/actions/Assert/parameters/alarmArns");
    }

    // ---- placeholders ------------------------------------------------------------------------

    @Test
    void validate_roleArnWithPlaceholders_warnsPlaceholderAndNoArnError() {
        ValidationResult r = validate(role("arn:aws:iam::<YOUR AWS ACCOUNT>:role/<YOUR ROLE NAME>"));
        Violation v = one(r, "template.placeholder-unresolved", WARNING, "/roleArn");
        assertThat(v.message()).contains("<YOUR AWS ACCOUNT>", "<YOUR ROLE NAME>");
        noArnErrors(r);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void validate_wholeRoleArnAsPlaceholder_warnsPlaceholderOnly() {
        for (String placeholder : new String[] {"<ROLE ARN>", "${FisRoleArn}", "{{ FisRoleArn }}"}) {
            ValidationResult r = validate(role(placeholder));
            one(r, "template.placeholder-unresolved", WARNING, "/roleArn");
            assertThat(r.violations()).as(placeholder).hasSize(1);
        }
    }

    @Test
    void validate_alarmArnWithPlaceholderRegionAndAccount_warnsPlaceholderOnly() {
        ValidationResult r = validate(alarm("arn:aws:cloudwatch:<REGION>:<ACCOUNT>:alarm:App5xx"));
        one(r, "template.placeholder-unresolved", WARNING, "/stopConditions/0/value");
        assertThat(r.violations()).hasSize(1);
    }

    @Test
    void validate_placeholderWithAColonInADocumentArn_warnsPlaceholderOnly() {
        ValidationResult r = validate(sendCommand("arn:aws:ssm:{{ aws:region }}:<YOUR-ACCOUNT-ID>:document/AWSFIS-Run-CPU-Stress"));
        Violation v = one(r, "template.placeholder-unresolved", WARNING, "/actions/Stress/parameters/documentArn");
        assertThat(v.message()).contains("{{ aws:region }}");
        assertThat(r.violations()).hasSize(1);
    }

    @Test
    void validate_targetArnWithPlaceholders_warnsPlaceholderAndNoArnError() {
        Experiment e = withTarget(t -> t.resourceTags(Map.of()).filters(List.of()).selectionMode(SelectionMode.all())
                .addResourceArn("arn:aws:ec2:<REGION>:<ACCOUNT>:instance/<INSTANCE ID>"));
        ValidationResult r = validate(e);
        one(r, "template.placeholder-unresolved", WARNING, "/targets/WorkerNodes/resourceArns/0");
        assertThat(r.violations()).hasSize(1);
    }

    @Test
    void validate_placeholdersInTagsFiltersAndParameters_areReportedWhereTheyAre() {
        Experiment e = builder()
                .putTarget(TARGET, TemplateTarget.builder().from(Templates.workerNodes()).putResourceTag("Env", "<ENVIRONMENT>")
                        .filters(List.of(Filter.of("Placement.AvailabilityZone", "<YOUR TARGET AZ>"))).build())
                .putTarget("Subnets", TemplateTarget.builder().resourceType("aws:ec2:subnet").putResourceTag("Tier", "app")
                        .putParameter("availabilityZoneIdentifier", "<YOUR AZ>").selectionMode(SelectionMode.all()).build())
                .putAction("Disrupt", Action.builder().actionId("aws:network:disrupt-connectivity")
                        .putTarget("Subnets", "Subnets").putParameter("duration", "<DURATION>").build())
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                        .s3Configuration(S3Configuration.builder().bucketName("<LOG BUCKET>").build()).build())
                .build();
        ValidationResult r = validate(e);
        assertThat(r.violations()).allMatch(v -> v.code().equals("template.placeholder-unresolved") && !v.isError());
        assertThat(r.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "/targets/WorkerNodes/resourceTags/Env",
                "/targets/WorkerNodes/filters/0/values/0",
                "/targets/Subnets/parameters/availabilityZoneIdentifier",
                "/actions/Disrupt/parameters/duration",
                "/logConfiguration/s3Configuration/bucketName");
    }

    @Test
    void validate_placeholderInDocumentParameters_isNotReportedBecauseItIsADocument() {
        Experiment e = withAction(a -> a);
        Experiment withDoc = Experiment.builder().from(e).putAction("Stress", Action.builder().actionId("aws:ssm:send-command")
                .putTarget("Instances", TARGET).putParameter("documentArn", "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress")
                .putParameter("documentParameters", "{\"DurationSeconds\":\"60\",\"CPU\":\"<CPUS>\"}")
                .putParameter("duration", "PT5M").build()).build();
        assertThat(validate(withDoc).withCode("template.placeholder-unresolved")).isEmpty();
    }

    @Test
    void validate_misspeltAlarmSourceWithAMalformedArn_reportsBothFaultsInOnePass() {
        Experiment e = builder().stopConditions(List.of(dev.faultline.core.model.StopCondition.builder()
                .source("aws:cloudwatch:alarms").value("arn:aws:cloudwatch:us-east-1:12345:alarm:App5xx").build())).build();
        ValidationResult r = validate(e);
        one(r, "stop-condition.source-unknown", ERROR, "/stopConditions/0/source");
        one(r, "arn.account-format", ERROR, "/stopConditions/0/value");
    }

    @Test
    void validate_misspeltNoneSource_doesNotCheckTheValueAsAnAlarm() {
        Experiment e = builder().stopConditions(List.of(dev.faultline.core.model.StopCondition.builder()
                .source("nnoe").value("whatever").build())).build();
        assertThat(validate(e).violations()).extracting(Violation::code).doesNotContain("arn.format");
    }
}
