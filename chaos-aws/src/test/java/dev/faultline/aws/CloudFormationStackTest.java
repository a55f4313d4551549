package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.aws.internal.StackPlaceholders;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.validation.Validator;
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

    @Test
    void cfnLint_reportsNoError_onEveryCompilableCorpusTemplate_withAndWithoutRole() throws Exception {
        Path cfnLint = Tools.require("cfn-lint");
        List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "parseable"));
        List<String> refused = new ArrayList<>();
        for (String name : Corpus.FILES) {
            ReadResult read = TemplateJson.read(Corpus.text(name));
            if (Validator.standard().validate(read).hasErrors()) {
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

        Tools.assertNoCfnLintError(Tools.run(new ProcessBuilder(command)));
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
