package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.aws.FisImporter;
import dev.faultline.aws.ImportResult;
import dev.faultline.core.json.TemplateJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompileAndIamCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = "{\"name\":\"worker-loss\",\"description\":\"Stop 20% of the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"filters\":[{\"path\":\"State.Name\",\"values\":[\"running\"]}],\"selectionMode\":\"PERCENT(20)\"}},"
            + "\"actions\":{\"stop-workers\":{\"actionId\":\"aws:ec2:stop-instances\","
            + "\"parameters\":{\"startInstancesAfterDuration\":\"PT5M\"},\"targets\":{\"Instances\":\"workers\"}}}}";

    private static final String WITH_ERROR = VALID.replace("\"Instances\":\"workers\"", "\"Instance\":\"workers\"");

    @TempDir
    Path dir;

    /** The last run's exit code and output. */
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void compile_json_printsTheRequestWithoutFaultlineFields() throws Exception {
        assertThat(run("compile", file("ok.json", VALID).toString())).isZero();
        JsonNode request = JSON.readTree(last.out());
        JsonNode expected = JSON.readTree(VALID);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("name");
        assertThat(request).isEqualTo(expected);
    }

    @Test
    void compile_cfnJson_printsAnExperimentTemplateResource_thatImportsBack() throws Exception {
        assertThat(run("compile", "--to", "cfn-json", file("ok.json", VALID).toString())).isZero();
        JsonNode doc = JSON.readTree(last.out());
        assertThat(doc.at("/Resources/WorkerLoss/Type").asText()).isEqualTo("AWS::FIS::ExperimentTemplate");
        assertThat(doc.at("/Resources/WorkerLoss/Properties/Actions/stop-workers/ActionId").asText())
                .isEqualTo("aws:ec2:stop-instances");
        List<ImportResult> back = FisImporter.create().fromCloudFormation(last.out());
        assertThat(back.get(0).experiment()).contains(TemplateJson.parse(VALID));
    }

    @Test
    void compile_cfnYaml_printsYaml() throws Exception {
        assertThat(run("compile", "--to", "cfn-yaml", file("ok.json", VALID).toString())).isZero();
        JsonNode doc = new YAMLMapper().readTree(last.out());
        assertThat(doc.at("/Resources/WorkerLoss/Properties/Targets/workers/SelectionMode").asText())
                .isEqualTo("PERCENT(20)");
        assertThat(last.out()).doesNotStartWith("{");
    }

    /**
     * A template whose source holds {@code "stopConditions": []} compiles to CloudFormation as it
     * compiles to the FIS request: with the WARNING FIS's empty list earns (a missing list would
     * be an ERROR), and with the empty list and the empty tags kept in the stack.
     */
    @ParameterizedTest
    @ValueSource(strings = {"json", "cfn-json", "cfn-yaml"})
    void compile_emptyStopConditionsInTheSource_warnAndStayEmptyInEveryForm(String form) throws Exception {
        String source = VALID.replaceFirst("\"stopConditions\":\\[.*?\\],", "\"stopConditions\":[],\"tags\":{},");
        assertThat(source).contains("\"stopConditions\":[]");

        assertThat(run("compile", "--to", form, file("empty.json", source).toString())).as(last.err()).isZero();

        assertThat(last.err()).contains("WARNING stop-condition.list-empty").doesNotContain("ERROR");
        JsonNode doc = form.equals("cfn-yaml") ? new YAMLMapper().readTree(last.out()) : JSON.readTree(last.out());
        JsonNode fields = form.equals("json") ? doc : doc.at("/Resources/WorkerLoss/Properties");
        JsonNode stopConditions = fields.get(form.equals("json") ? "stopConditions" : "StopConditions");
        JsonNode tags = fields.get(form.equals("json") ? "tags" : "Tags");
        assertThat(stopConditions).as("the stop conditions in %s", last.out()).isNotNull();
        assertThat(stopConditions.isArray() && stopConditions.isEmpty()).isTrue();
        assertThat(tags).as("the tags in %s", last.out()).isNotNull();
        assertThat(tags.isObject() && tags.isEmpty()).isTrue();
    }

    @Test
    void compile_templateWithAnError_exitsOneAndWritesNothing() throws Exception {
        assertThat(run("compile", file("bad.json", WITH_ERROR).toString())).isEqualTo(1);
        assertThat(last.out()).isEmpty();
        assertThat(last.err()).contains("ERROR action.target-key-unknown").contains("nothing was written");
    }

    @Test
    void compile_usageAndUnreadable_exitTwo() throws Exception {
        assertThat(run("compile", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run("compile", "--to", "xml", file("ok.json", VALID).toString())).isEqualTo(2);
        assertThat(run("compile")).isEqualTo(2);
    }

    @Test
    void compile_placeholderWarnings_goToStandardError_andStillCompile() throws Exception {
        Path f = file("sample.json", VALID.replace("123456789012:role", "<YOUR ACCOUNT>:role"));
        assertThat(run("compile", f.toString())).isZero();
        assertThat(last.err()).contains("WARNING template.placeholder-unresolved");
        assertThat(JSON.readTree(last.out()).path("roleArn").asText()).contains("<YOUR ACCOUNT>");
    }

    @Test
    void compile_withPolicy_refusesWhatThePolicyForbids() throws Exception {
        Path f = file("ok.json", VALID);
        assertThat(run("compile", "--policy", "production", f.toString())).isEqualTo(1);
        assertThat(last.out()).isEmpty();
        assertThat(last.err()).contains("ERROR policy.");
        assertThat(run("compile", "--policy", "sandbox", f.toString())).isZero();
        assertThat(run("compile", "--policy", "stagin", f.toString())).isEqualTo(2);
    }

    @Test
    void iam_printsTrustAndPermissionsPolicies() throws Exception {
        assertThat(run("iam", "--region", "us-east-1", file("ok.json", VALID).toString())).isZero();
        JsonNode both = JSON.readTree(last.out());
        assertThat(both.at("/TrustPolicy/Statement/0/Principal/Service").asText()).isEqualTo("fis.amazonaws.com");
        assertThat(both.at("/TrustPolicy/Statement/0/Condition/StringEquals/aws:SourceAccount").asText())
                .isEqualTo("123456789012");
        JsonNode first = both.at("/PermissionsPolicy/Statement/0");
        assertThat(first.get("Resource").asText()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:instance/*");
        assertThat(first.at("/Condition/StringEquals/aws:ResourceTag~1Role").asText()).isEqualTo("WorkerNode");
        assertThat(last.out()).contains("cloudwatch:DescribeAlarms", "tag:GetResources");
    }

    @Test
    void iam_only_printsOnePolicyDocument() throws Exception {
        assertThat(run("iam", "--only", "permissions", file("ok.json", VALID).toString())).isZero();
        JsonNode doc = JSON.readTree(last.out());
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(doc.has("TrustPolicy")).isFalse();
    }

    @Test
    void iam_templateWithAnError_exitsOne_unreadableExitsTwo() throws Exception {
        assertThat(run("iam", file("bad.json", WITH_ERROR).toString())).isEqualTo(1);
        assertThat(last.out()).isEmpty();
        assertThat(run("iam", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run("iam", "--only", "both", file("ok.json", VALID).toString())).isEqualTo(2);
    }

    @Test
    void iam_placeholderAccount_isAnError_neverAWildcardTrustPolicy() throws Exception {
        Path f = file("placeholder.json", VALID.replace("arn:aws:iam::123456789012:role/FisRole",
                "arn:aws:iam::<YOUR ACCOUNT ID>:role/FisRole"));
        assertThat(run("iam", f.toString())).isEqualTo(1);
        assertThat(last.out()).isEmpty();
        assertThat(last.err()).contains("error: the roleArn arn:aws:iam::<YOUR ACCOUNT ID>:role/FisRole names no account")
                .contains("--account ID");
    }

    @Test
    void iam_account_fillsTheTrustPolicyAndTheResources() throws Exception {
        Path f = file("placeholder.json", VALID.replace("arn:aws:iam::123456789012:role/FisRole",
                "arn:aws:iam::<YOUR ACCOUNT ID>:role/FisRole"));
        assertThat(run("iam", "--account", "210987654321", "--region", "us-east-1", f.toString())).isZero();
        JsonNode both = JSON.readTree(last.out());
        assertThat(both.at("/TrustPolicy/Statement/0/Condition/StringEquals/aws:SourceAccount").asText())
                .isEqualTo("210987654321");
        assertThat(both.toString()).doesNotContain("<YOUR").contains("arn:aws:ec2:us-east-1:210987654321:instance/*");
        assertThat(run("iam", "--account", "2109", f.toString())).isEqualTo(2);
    }

    @Test
    void iam_kmsKey_scopesCreateGrantToTheKeys_andABadKeyIsAUsageError() throws Exception {
        Path f = file("ok.json", VALID);
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        assertThat(run("iam", "--only", "permissions", "--kms-key", key, f.toString())).isZero();
        JsonNode grant = null;
        for (JsonNode s : JSON.readTree(last.out()).get("Statement")) {
            if (s.get("Action").toString().contains("kms:CreateGrant")) {
                grant = s;
            }
        }
        assertThat(grant).isNotNull();
        assertThat(grant.get("Resource").asText()).isEqualTo(key);
        assertThat(last.err()).doesNotContain("kms:CreateGrant");
        assertThat(run("iam", "--only", "permissions", f.toString())).isZero();
        assertThat(last.err()).contains("kms:CreateGrant is allowed on every KMS key").contains("--kms-key");
        assertThat(run("iam", "--kms-key", "arn:aws:kms:us-east-1:123456789012:alias/ebs", f.toString())).isEqualTo(2);
    }
}
