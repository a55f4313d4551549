package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.testing.ExternalTools;
import dev.faultline.aws.internal.StackPlaceholders;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployable stack: placeholders to pseudo-parameters and Parameters, the execution role, cfn-lint on the corpus. */
class CloudFormationStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FisCompiler COMPILER = FisCompiler.create();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "<{0}> is {1}")
    @CsvSource({"YOUR AWS ACCOUNT, AWS::AccountId", "YOUR ACCOUNT, AWS::AccountId", "YOUR-ACCOUNT-ID, AWS::AccountId",
            "ACCOUNT, AWS::AccountId", "YOUR_AWS_ACCOUNT, AWS::AccountId", "YOUR REGION, AWS::Region",
            "REGION, AWS::Region", "YOUR ROLE NAME, RoleName", "YOUR_ROLE_NAME, RoleName", "FIS-ROLE, FisRole",
            "YOUR SSM AUTOMATION IAM ROLE NAME, SsmAutomationIamRoleName", "GLOBAL-CLUSTER-ID, GlobalClusterId",
            "YOUR TARGET AZ, TargetAz", "YOUR ACCOUNT NAME, AccountName"})
    void meaning_mapsAccountAndRegionToPseudoParameters_andTheRestToParameters(String placeholder, String meaning) {
        assertThat(StackPlaceholders.meaning(placeholder)).isEqualTo(meaning);
    }

    @Test
    void stack_rewritesPlaceholdersIntoFnSub_andDeclaresParameters() throws Exception {
        Experiment e = corpus("ec2-instances-terminate-template.json");

        JsonNode doc = JSON.readTree(COMPILER.cloudFormationStack(e).json());

        JsonNode properties = doc.at("/Resources/" + resourceId(doc) + "/Properties");
        assertThat(properties.at("/RoleArn/Fn::Sub").asText())
                .isEqualTo("arn:aws:iam::${AWS::AccountId}:role/${RoleName}");
        assertThat(doc.at("/Parameters/RoleName/Type").asText()).isEqualTo("String");
        assertThat(doc.at("/Parameters").size()).isEqualTo(1);
        assertThat(doc.get("Resources").toString()).doesNotContain("<YOUR");
    }

    @Test
    void stack_escapesTheTextsOwnDollarBraces() throws Exception {
        Experiment e = TemplateJson.read("{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::<YOUR ACCOUNT>:role/r\","
                + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{},\"actions\":{\"wait\":{"
                + "\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"},"
                + "\"description\":\"keeps ${literal} as it is\"}}}").experiment().orElseThrow();
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationStack(e).json());
        JsonNode properties = doc.at("/Resources/" + resourceId(doc) + "/Properties");

        assertThat(properties.at("/Actions/wait/Description").asText()).isEqualTo("keeps ${literal} as it is");
        assertThat(doc.has("Parameters")).isFalse();
    }

    @Test
    void withRole_addsTheRole_andPointsTheTemplateAtIt() throws Exception {
        Experiment e = corpus("ec2-instances-terminate-template.json");

        JsonNode doc = JSON.readTree(COMPILER.cloudFormationStack(e).withRole().json());

        String id = resourceId(doc);
        JsonNode role = doc.at("/Resources/" + id + "Role");
        assertThat(role.at("/Type").asText()).isEqualTo("AWS::IAM::Role");
        assertThat(doc.at("/Resources/" + id + "/Properties/RoleArn/Fn::GetAtt").toString())
                .isEqualTo("[\"" + id + "Role\",\"Arn\"]");
        JsonNode trust = role.at("/Properties/AssumeRolePolicyDocument/Statement/0");
        assertThat(trust.at("/Principal/Service").asText()).isEqualTo("fis.amazonaws.com");
        assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText()).isEqualTo("AWS::AccountId");
        assertThat(role.at("/Properties/Policies/0/PolicyDocument").toString()).contains("ec2:TerminateInstances");
        assertThat(doc.has("Parameters")).as("the role name placeholder is gone with the role").isFalse();
    }

    private static final MetricAlarm ERRORS = MetricAlarm.builder().name("checkout-5xx")
            .namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
            .putDimension("LoadBalancer", "app/checkout/50dc6c495c0c9188").statistic("Sum")
            .comparison(Comparison.GreaterThanThreshold).threshold(5).treatMissingData("notBreaching").build();
    private static final MetricAlarm P99 = MetricAlarm.builder().name("checkout-p99")
            .namespace("AWS/ApplicationELB").metricName("TargetResponseTime")
            .putDimension("LoadBalancer", "app/checkout/50dc6c495c0c9188").statistic("p99")
            .evaluationPeriods(3).datapointsToAlarm(2).comparison(Comparison.GreaterThanThreshold).threshold(1.5).build();

    private static Experiment withMetricStops() {
        Experiment e = corpus("ec2-instances-terminate-template.json");
        return Experiment.builder().from(e).name("checkout-metrics").stopConditions(List.of(
                StopCondition.metric(ERRORS), StopCondition.anyOf("checkout-any", ERRORS, P99))).build();
    }

    @Test
    void withAlarms_addsAnAlarmPerMetric_andACompositeWhereAsked_andPointsTheStopConditionsAtThem() throws Exception {
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationStack(withMetricStops()).withAlarms().withRole().json());

        JsonNode resources = doc.get("Resources");
        JsonNode alarm = resources.get("CheckoutMetricsAlarmCheckout5xx");
        assertThat(alarm.at("/Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        assertThat(alarm.at("/Properties/Statistic").asText()).isEqualTo("Sum");
        assertThat(alarm.at("/Properties/Threshold").asDouble()).isEqualTo(5.0);
        assertThat(resources.at("/CheckoutMetricsAlarmCheckoutP99/Properties/ExtendedStatistic").asText()).isEqualTo("p99");
        assertThat(resources.at("/CheckoutMetricsAlarmCheckoutP99/Properties/DatapointsToAlarm").asInt()).isEqualTo(2);
        JsonNode composite = resources.get("CheckoutMetricsAlarmCheckoutAnyComposite");
        assertThat(composite.at("/Type").asText()).isEqualTo("AWS::CloudWatch::CompositeAlarm");
        assertThat(composite.at("/Properties/AlarmRule/Fn::Sub").asText())
                .isEqualTo("ALARM(\"${CheckoutMetricsAlarmCheckout5xx}\") OR ALARM(\"${CheckoutMetricsAlarmCheckoutP99}\")");
        JsonNode stops = resources.at("/CheckoutMetrics/Properties/StopConditions");
        assertThat(stops.at("/0/Value/Fn::GetAtt").toString()).isEqualTo("[\"CheckoutMetricsAlarmCheckout5xx\",\"Arn\"]");
        assertThat(stops.at("/1/Value/Fn::GetAtt").toString()).isEqualTo("[\"CheckoutMetricsAlarmCheckoutAnyComposite\",\"Arn\"]");
        assertThat(stops.toString()).doesNotContain("MetricAlarms").doesNotContain("metricAlarms");
    }

    @Test
    void withoutAlarms_aMetricStopConditionNamesItsAlarmInTheDeployingAccount() throws Exception {
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationStack(withMetricStops()).json());

        assertThat(doc.at("/Resources/CheckoutMetrics/Properties/StopConditions/0/Value/Fn::Sub").asText())
                .isEqualTo("arn:aws:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:checkout-5xx");
        assertThat(doc.at("/Resources").size()).isEqualTo(1);
    }

    @Test
    void fisRequest_ofAMetricStopCondition_isRefused_sayingFisNeedsAlarmArns() {
        assertThatThrownBy(() -> COMPILER.createRequestJson(withMetricStops()))
                .isInstanceOfSatisfying(CompilationException.class, e -> {
                    assertThat(e.violations().errors()).extracting(Violation::code).containsOnly(FisCompiler.NEEDS_ALARM_ARN.code());
                    assertThat(e.violations().errors().get(0).path()).isEqualTo("/stopConditions/0");
                    assertThat(e.violations().errors().get(0).message()).contains("FIS needs the ARN");
                    assertThat(e.violations().errors().get(0).hint().orElseThrow()).contains("--with-alarms");
                });
    }

    @Test
    void cfnLint_reportsNoError_onEveryCompilableCorpusTemplate_withAndWithoutRole() throws Exception {
        Path cfnLint = ExternalTools.require(ExternalTools.CFN_LINT);
        List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "parseable"));
        List<String> refused = new ArrayList<>();
        for (String name : Corpus.FILES) {
            ReadResult read = TemplateJson.read(Corpus.text(name));
            if (read.validate(Validator.standard()).hasErrors()) {
                refused.add(name);
                continue;
            }
            Experiment e = read.experiment().orElseThrow();
            CloudFormationStack stack = COMPILER.cloudFormationStack(e);
            String base = name.replace(".json", "");
            command.add(Files.writeString(dir.resolve(base + ".yaml"), stack.yaml()).toString());
            command.add(Files.writeString(dir.resolve(base + ".json"), stack.json()).toString());
            command.add(Files.writeString(dir.resolve(base + ".role.yaml"), stack.withRole().yaml()).toString());
        }
        assertThat(refused).containsExactly("mysql-rds-loadtest-failover-template.json");
        CloudFormationStack metrics = COMPILER.cloudFormationStack(withMetricStops());
        command.add(Files.writeString(dir.resolve("metrics.yaml"), metrics.yaml()).toString());
        command.add(Files.writeString(dir.resolve("metrics.alarms.yaml"), metrics.withAlarms().yaml()).toString());
        command.add(Files.writeString(dir.resolve("metrics.all.json"), metrics.withAlarms().withRole().json()).toString());

        Tools.Result result = Tools.run(new ProcessBuilder(command));
        ExternalTools.assertCfnLintClean(result.code(), result.output());
        assertThat(result.output()).doesNotContain(":E");
    }

    private static Experiment corpus(String name) {
        return TemplateJson.read(Corpus.text(name)).experiment().orElseThrow();
    }

    private static String resourceId(JsonNode doc) {
        for (var it = doc.get("Resources").properties().iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getValue().at("/Type").asText().equals("AWS::FIS::ExperimentTemplate")) {
                return f.getKey();
            }
        }
        throw new AssertionError("no experiment template in " + doc);
    }
}
