package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.testing.ExternalTools;
import dev.faultline.core.validation.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudFormationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FisCompiler COMPILER = FisCompiler.create();
    private static final FisImporter IMPORTER = FisImporter.create();

    @TempDir
    Path dir;

    static Stream<String> experiments() {
        List<String> all = new ArrayList<>(Corpus.FILES);
        all.add("NODE_LOSS");
        all.add("RDS_FAILOVER");
        all.add("AZ_POWER");
        return all.stream();
    }


    private static Experiment only(List<ImportResult> results) {
        assertThat(results).hasSize(1);
        assertThat(results.get(0).violations().errors()).isEmpty();
        return results.get(0).experiment().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void json_thenImport_isTheIdentity(String name) {
        Experiment e = Experiments.named(name);
        assertThat(only(IMPORTER.fromCloudFormation(COMPILER.cloudFormationJson(e)))).isEqualTo(e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void yaml_thenImport_isTheIdentity(String name) {
        Experiment e = Experiments.named(name);
        assertThat(only(IMPORTER.fromCloudFormation(COMPILER.cloudFormationYaml(e)))).isEqualTo(e);
    }

    @Test
    void json_usesCloudFormationPropertyNames() throws Exception {
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationJson(Experiments.parse(Experiments.RDS_FAILOVER)));
        JsonNode p = doc.at("/Resources/ExperimentTemplate/Properties");
        assertThat(doc.at("/Resources/ExperimentTemplate/Type").asText()).isEqualTo("AWS::FIS::ExperimentTemplate");
        assertThat(p.at("/Targets/orders-cluster/ResourceArns/0").asText())
                .isEqualTo("arn:aws:rds:us-east-1:112233445566:cluster:orders");
        assertThat(p.at("/Actions/failover/ActionId").asText()).isEqualTo("aws:rds:failover-db-cluster");
        assertThat(p.at("/StopConditions/0/Source").asText()).isEqualTo("none");
        assertThat(p.at("/LogConfiguration/CloudWatchLogsConfiguration/LogGroupArn").isTextual()).isTrue();
        assertThat(p.at("/ExperimentReportConfiguration/Outputs/ExperimentReportS3Configuration/BucketName").asText())
                .isEqualTo("fis-reports-112233445566");
        assertThat(p.at("/ExperimentReportConfiguration/DataSources/CloudWatchDashboards/0/DashboardIdentifier")
                .isTextual()).isTrue();
        assertThat(p.at("/ExperimentReportConfiguration/PreExperimentDuration").asText()).isEqualTo("PT10M");
    }

    @Test
    void json_namedExperiment_usesTheNameAsLogicalId_andKeepsNameAndHypothesisInMetadata() throws Exception {
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationJson(Experiments.parse(Experiments.NODE_LOSS)));
        JsonNode r = doc.at("/Resources/PaymentWorkerNodeLoss");
        assertThat(r.at("/Metadata/Faultline/name").asText()).isEqualTo("payment-worker-node-loss");
        assertThat(r.at("/Metadata/Faultline/hypothesis/conditions/0/metricName").asText())
                .isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(r.at("/Properties").has("Name")).isFalse();
    }

    @Test
    void targetAccounts_becomeTargetAccountConfigurationResources_andImportBack() throws Exception {
        Experiment e = Experiment.builder().from(Experiments.parse(Experiments.NODE_LOSS))
                .experimentOptions(dev.faultline.core.model.ExperimentOptions.builder()
                        .accountTargeting(dev.faultline.core.model.AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("223344556677")
                        .roleArn("arn:aws:iam::223344556677:role/FisTarget").description("staging").build())
                .build();
        String yaml = COMPILER.cloudFormationYaml(e);
        JsonNode doc = JSON.readTree(COMPILER.cloudFormationJson(e));
        assertThat(doc.at("/Resources/PaymentWorkerNodeLossAccount1/Type").asText())
                .isEqualTo("AWS::FIS::TargetAccountConfiguration");
        assertThat(doc.at("/Resources/PaymentWorkerNodeLossAccount1/Properties/ExperimentTemplateId/Ref").asText())
                .isEqualTo("PaymentWorkerNodeLoss");
        assertThat(only(IMPORTER.fromCloudFormation(yaml))).isEqualTo(e);
    }

    @Test
    void import_severalResources_andIntrinsicFunctions_becomeReportedPlaceholders() {
        String yaml = """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Env: {Type: String}
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties: {AssumeRolePolicyDocument: {}}
                  StopWorkers:
                    Type: AWS::FIS::ExperimentTemplate
                    Properties:
                      Description: !Sub 'Stop workers in ${Env}'
                      RoleArn: !GetAtt Role.Arn
                      StopConditions:
                        - Source: aws:cloudwatch:alarm
                          Value: !Join [':', ['arn:aws:cloudwatch:us-east-1', !Ref 'AWS::AccountId', 'alarm:App5xx']]
                      Targets:
                        workers:
                          ResourceType: aws:ec2:instance
                          ResourceTags: {Role: !Ref Env}
                          SelectionMode: COUNT(1)
                      Actions:
                        stop:
                          ActionId: aws:ec2:stop-instances
                          Parameters: {startInstancesAfterDuration: PT5M, completeIfInstancesTerminated: true}
                          Targets: {Instances: workers}
                      Tags: {Team: payments}
                  Reboot:
                    Type: AWS::FIS::ExperimentTemplate
                    Properties:
                      Description: Reboot one instance
                      RoleArn: {"Fn::GetAtt": ["Role", "Arn"]}
                      StopConditions: [{Source: none}]
                      Targets:
                        one: {ResourceType: aws:ec2:instance, ResourceArns: [!Ref Instance], SelectionMode: ALL}
                      Actions:
                        reboot: {ActionId: aws:ec2:reboot-instances, Targets: {Instances: one}}
                """;
        List<ImportResult> results = IMPORTER.fromCloudFormation(yaml);

        assertThat(results).extracting(ImportResult::source).containsExactly("StopWorkers", "Reboot");
        ImportResult stop = results.get(0);
        Experiment e = stop.experiment().orElseThrow();
        assertThat(e.description()).contains("Stop workers in ${Env}");
        assertThat(e.roleArn()).contains("${Role.Arn}");
        assertThat(e.stopConditions().get(0).value()).contains("arn:aws:cloudwatch:us-east-1:${AWS::AccountId}:alarm:App5xx");
        assertThat(e.targets().get("workers").resourceTags()).containsEntry("Role", "${Env}");
        assertThat(e.actions().get("stop").parameters()).containsEntry("completeIfInstancesTerminated", "true");
        assertThat(stop.violations().withCode("cfn.intrinsic-unresolved")).extracting(Violation::path).containsExactlyInAnyOrder(
                "/Resources/StopWorkers/Properties/Description",
                "/Resources/StopWorkers/Properties/RoleArn",
                "/Resources/StopWorkers/Properties/StopConditions/0/Value",
                "/Resources/StopWorkers/Properties/Targets/workers/ResourceTags/Role");
        assertThat(stop.violations().withCode("template.placeholder-unresolved")).extracting(Violation::path)
                .contains("/Resources/StopWorkers/Properties/RoleArn");
        assertThat(stop.violations().errors()).isEmpty();
        assertThat(results.get(1).experiment().orElseThrow().targets().get("one").resourceArns())
                .containsExactly("${Instance}");
    }

    @Test
    void import_violationPaths_pointIntoTheDocument() {
        String json = """
                {"Resources": {"Chaos": {"Type": "AWS::FIS::ExperimentTemplate", "Properties": {
                  "Description": "x", "RoleArn": "arn:aws:iam::112233445566:role/R",
                  "StopConditions": [{"Source": "none"}],
                  "Targets": {"w": {"ResourceType": "aws:ec2:instance", "ResourceTags": {"a": "b"}, "SelectionMode": "ALL"}},
                  "Actions": {"s": {"ActionId": "aws:ec2:stop-instances", "Parameters": {"duration": "PT5M"},
                                    "Targets": {"Instances": "w"}, "Colour": "red"}}}}}}
                """;
        ImportResult r = IMPORTER.fromCloudFormation(json).get(0);

        assertThat(r.violations().errors()).extracting(v -> v.code() + " " + v.path()).contains(
                "json.field-unknown /Resources/Chaos/Properties/Actions/s/Colour");
        assertThat(r.violations().violations()).extracting(Violation::path)
                .contains("/Resources/Chaos/Properties/Actions/s/Parameters/duration");
    }

    @Test
    void import_badDocuments_areReportedNeverThrown() {
        assertThat(IMPORTER.fromCloudFormation("{ not json").get(0).violations().errors())
                .extracting(Violation::code).containsExactly("cfn.document-format");
        assertThat(IMPORTER.fromCloudFormation("Resources: {}").get(0).violations().errors())
                .extracting(Violation::code).containsExactly("cfn.experiment-missing");
        assertThat(IMPORTER.fromCloudFormation("- a\n- b").get(0).violations().errors())
                .extracting(Violation::code).containsExactly("cfn.resources-missing");
        assertThat(IMPORTER.fromCloudFormation("Resources: {X: {Type: AWS::FIS::ExperimentTemplate}}").get(0)
                .violations().errors()).extracting(Violation::code).containsExactly("cfn.properties-missing");
        ImportResult wrongTypes = IMPORTER.fromCloudFormation(
                "Resources: {X: {Type: AWS::FIS::ExperimentTemplate, Properties: {Targets: !If [c, a, b], "
                        + "Actions: [1], StopConditions: {Ref: S}}}}").get(0);
        assertThat(wrongTypes.experiment()).isPresent();
        assertThat(wrongTypes.violations().hasErrors()).isTrue();
    }

    /**
     * The corpus samples hold placeholders such as {@code arn:aws:iam::<YOUR AWS ACCOUNT>:role/<YOUR ROLE NAME>},
     * which cfn-lint rightly rejects (not an account id; whitespace). For linting they are filled in
     * with sample values, the way a user would before deploying.
     */
    static Experiment filled(String name) {
        if (!Corpus.FILES.contains(name)) {
            return Experiments.named(name);
        }
        String text = Corpus.text(name)
                .replaceAll("<[^<>]*(?i:account)[^<>]*>", "123456789012")
                .replaceAll("<[^<>]*(?i:region)[^<>]*>", "us-east-1")
                .replaceAll("<[^<>]*>", "example");
        return TemplateJson.read(text).experiment().orElseThrow();
    }

    @Test
    void cfnLint_acceptsEveryCompiledTemplate() throws Exception {
        Path cfnLint = ExternalTools.require(ExternalTools.CFN_LINT);
        Map<String, Experiment> all = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (String name : experiments().toList()) {
            Experiment e = filled(name);
            String id = "T" + all.size();
            all.put(id, e);
            files.add(Files.writeString(dir.resolve(id + ".json"), COMPILER.cloudFormationJson(e)));
            files.add(Files.writeString(dir.resolve(id + ".yaml"), COMPILER.cloudFormationYaml(e)));
        }
        files.add(Files.writeString(dir.resolve("all.yaml"), COMPILER.cloudFormationYaml(all)));
        List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "parseable"));
        files.forEach(f -> command.add(f.toString()));

        Tools.Result result = Tools.run(new ProcessBuilder(command));

        // cfn-lint exits with a bit mask: 2 = error, 4 = warning, 8 = informational; 1 = crashed
        ExternalTools.assertCfnLintClean(result.code(), result.output());
        assertThat(result.output()).doesNotContain(":E");
    }
}
