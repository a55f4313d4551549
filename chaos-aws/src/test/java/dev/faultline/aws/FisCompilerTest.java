package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateTargetAccountConfigurationRequest;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateRequest;

class FisCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final FisStub stub = FisStub.start();

    private static JsonNode sent() throws Exception {
        return JSON.readTree(stub.last().body());
    }

    @Test
    void createRequest_dropsFaultlineOnlyFields_andKeepsTheClientToken() throws Exception {
        Experiment e = Experiments.parse(Experiments.NODE_LOSS);
        CreateExperimentTemplateRequest request = FisCompiler.create().createRequest(e, "token-1");

        stub.fis().createExperimentTemplate(request);

        JsonNode body = sent();
        assertThat(body.path("clientToken").asText()).isEqualTo("token-1");
        assertThat(body.has("name")).isFalse();
        assertThat(body.has("hypothesis")).isFalse();
        assertThat(body.path("tags").path("Team").asText()).isEqualTo("payments");
        assertThat(body.at("/targets/workers/selectionMode").asText()).isEqualTo("PERCENT(20)");
        assertThat(body.at("/actions/stop-workers/parameters/startInstancesAfterDuration").asText()).isEqualTo("PT5M");
    }

    @Test
    void updateRequest_hasNoTagsNoAccountTargetingNoClientToken_andPatchesTheTemplate() throws Exception {
        Experiment e = Experiments.parse(Experiments.NODE_LOSS);
        UpdateExperimentTemplateRequest request = FisCompiler.create().updateRequest("EXTabc123", e);

        stub.fis().updateExperimentTemplate(request);

        assertThat(stub.last().method()).isEqualTo("PATCH");
        assertThat(stub.last().path()).isEqualTo("/experimentTemplates/EXTabc123");
        JsonNode body = sent();
        assertThat(body.has("tags")).isFalse();
        assertThat(body.has("clientToken")).isFalse();
        assertThat(body.path("experimentOptions").has("accountTargeting")).isFalse();
        assertThat(body.at("/experimentOptions/emptyTargetResolutionMode").asText()).isEqualTo("fail");
        assertThat(body.at("/actions/stop-workers/actionId").asText()).isEqualTo("aws:ec2:stop-instances");
        assertThat(body.path("description").asText()).isEqualTo(e.description().orElseThrow());
    }

    @Test
    void updateRequest_keepsLogAndReportConfiguration() throws Exception {
        stub.fis().updateExperimentTemplate(FisCompiler.create().updateRequest("EXT1",
                Experiments.parse(Experiments.RDS_FAILOVER)));
        JsonNode body = sent();
        assertThat(body.at("/logConfiguration/logSchemaVersion").asInt()).isEqualTo(2);
        assertThat(body.at("/experimentReportConfiguration/outputs/s3Configuration/bucketName").asText())
                .isEqualTo("fis-reports-112233445566");
        assertThat(body.at("/experimentReportConfiguration/dataSources/cloudWatchDashboards/0/dashboardIdentifier")
                .asText()).isEqualTo("arn:aws:cloudwatch::112233445566:dashboard/Orders");
    }

    @Test
    void startRequest_sendsActionsMode() throws Exception {
        stub.fis().startExperiment(FisCompiler.create().startRequest("EXTabc123", ActionsMode.SKIP_ALL));

        assertThat(stub.last().path()).isEqualTo("/experiments");
        JsonNode body = sent();
        assertThat(body.path("experimentTemplateId").asText()).isEqualTo("EXTabc123");
        assertThat(body.at("/experimentOptions/actionsMode").asText()).isEqualTo("skip-all");
        assertThat(body.path("clientToken").asText()).isNotBlank();
    }

    @Test
    void targetAccountRequests_onePerAccount_notInTheTemplateBody() throws Exception {
        Experiment e = Experiment.builder().from(Experiments.parse(Experiments.NODE_LOSS))
                .experimentOptions(dev.faultline.core.model.ExperimentOptions.builder()
                        .accountTargeting(dev.faultline.core.model.AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("223344556677")
                        .roleArn("arn:aws:iam::223344556677:role/FisTarget").description("staging").build())
                .build();

        List<CreateTargetAccountConfigurationRequest> requests =
                FisCompiler.create().targetAccountRequests("EXT1", e);
        stub.fis().createExperimentTemplate(FisCompiler.create().createRequest(e));
        assertThat(sent().has("targetAccountConfigurations")).isFalse();
        stub.fis().createTargetAccountConfiguration(requests.get(0));

        assertThat(requests).hasSize(1);
        assertThat(stub.last().path()).isEqualTo("/experimentTemplates/EXT1/targetAccountConfigurations/223344556677");
        assertThat(sent().path("roleArn").asText()).isEqualTo("arn:aws:iam::223344556677:role/FisTarget");
        assertThat(sent().path("description").asText()).isEqualTo("staging");
    }

    @Test
    void createRequest_templateWithAnError_isRefusedWithTheViolations() {
        Experiment bad = Experiments.parse(Experiments.NODE_LOSS.replace("\"Instances\": \"workers\"",
                "\"Instance\": \"workers\""));

        assertThatThrownBy(() -> FisCompiler.create().createRequest(bad))
                .isInstanceOfSatisfying(CompilationException.class, ex -> assertThat(ex.violations().errors())
                        .anySatisfy(v -> {
                            assertThat(v.code()).isEqualTo("action.target-key-unknown");
                            assertThat(v.path()).isEqualTo("/actions/stop-workers/targets/Instance");
                        }));
        assertThatThrownBy(() -> FisCompiler.create().cloudFormationYaml(bad)).isInstanceOf(CompilationException.class);
    }

    @Test
    void cloudFormation_aMapThatReadsAsAnIntrinsicFunction_isRefusedAsACompilationException() {
        Experiment lookalike = Experiments.parse(Experiments.NODE_LOSS.replace("\"resourceTags\": {\"Role\": \"WorkerNode\"}",
                "\"resourceTags\": {\"Ref\": \"WorkerNode\"}"));

        assertThatThrownBy(() -> FisCompiler.create().cloudFormationJson(lookalike))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("/Resources/")
                .hasMessageContaining("intrinsic function Ref");
        assertThatThrownBy(() -> FisCompiler.create().cloudFormationYaml(lookalike)).isInstanceOf(CompilationException.class);
    }
}
