package dev.faultline.aws;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.subnets;
import static dev.faultline.dsl.Chaos.transitGateways;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.fis.FisClient;

/**
 * Every scenario of the DSL: the request a real FisClient puts on the wire equals the template
 * JSON (less Faultline's own fields, plus the client token); CloudFormation JSON and YAML import
 * back to the same experiment; and cfn-lint accepts the CloudFormation.
 */
class ScenarioRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "112233445566";
    private static final ExperimentDraft BASE = experiment("scenario")
            .role("arn:aws:iam::" + ACCOUNT + ":role/FisRole")
            .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:AppHealth"))
            .tag("Owner", "platform");
    private static final FisCompiler COMPILER = FisCompiler.create();

    @RegisterExtension
    static final FisStub stub = FisStub.start();

    @TempDir
    Path dir;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("azPowerInterruption", Scenarios.azPowerInterruption(BASE, "us-east-1a",
                        Duration.ofMinutes(30), "arn:aws:iam::" + ACCOUNT + ":role/AsgLaunchRole").build()),
                Arguments.of("azApplicationSlowdown", Scenarios.azApplicationSlowdown(BASE, "us-east-1", "us-east-1a",
                        Duration.ofMinutes(15), 200, "App", "checkout").build()),
                Arguments.of("crossAzTrafficSlowdown", Scenarios.crossAzTrafficSlowdown(BASE, "us-east-1",
                        "us-east-1a", List.of("us-east-1b", "us-east-1c"), Duration.ofMinutes(15), 30, "App",
                        "checkout").build()),
                Arguments.of("crossRegionConnectivity", Scenarios.crossRegionConnectivity(BASE, "eu-west-1",
                        Duration.ofHours(3),
                        subnets().arns("arn:aws:ec2:us-east-1:" + ACCOUNT + ":subnet/subnet-0123456789abcdef0"),
                        transitGateways().arns("arn:aws:ec2:us-east-1:" + ACCOUNT
                                + ":transit-gateway/tgw-0123456789abcdef0")).build()),
                Arguments.of("computeNodeLoss", Scenarios.computeNodeLoss(BASE, "Role", "WorkerNode", 20,
                        Duration.ofMinutes(5)).build()),
                Arguments.of("databaseFailover", Scenarios.databaseFailover(BASE, "App", "orders", "us-east-1a")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void createRequest_onTheWire_equalsTheTemplateJson(String name, Experiment scenario) throws Exception {
        stub.fis().createExperimentTemplate(COMPILER.createRequest(scenario));

        ObjectNode sent = (ObjectNode) JSON.readTree(stub.last().body());
        assertThat(sent.path("clientToken").asText()).isNotBlank();
        sent.remove("clientToken");
        ObjectNode expected = (ObjectNode) JSON.readTree(TemplateJson.write(scenario));
        expected.remove(List.of("name", "hypothesis", "targetAccountConfigurations"));
        assertThat((JsonNode) sent).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void cloudFormation_importsBackToTheSameExperiment(String name, Experiment scenario) {
        FisImporter importer = FisImporter.create();
        assertThat(importer.fromCloudFormation(COMPILER.cloudFormationJson(scenario)))
                .singleElement().satisfies(r -> assertThat(r.experiment()).contains(scenario));
        assertThat(importer.fromCloudFormation(COMPILER.cloudFormationYaml(scenario)))
                .singleElement().satisfies(r -> assertThat(r.experiment()).contains(scenario));
    }

    @Test
    void cfnLint_acceptsEveryScenario() throws Exception {
        Optional<Path> cfnLint = Optional.of(Tools.require("cfn-lint"));
        List<String> command = new ArrayList<>(List.of(cfnLint.get().toString(), "--format", "parseable"));
        for (Arguments a : scenarios().toList()) {
            Experiment e = (Experiment) a.get()[1];
            command.add(Files.writeString(dir.resolve(a.get()[0] + ".yaml"), COMPILER.cloudFormationYaml(e)).toString());
        }
        Tools.Result result = Tools.run(new ProcessBuilder(command));
        Tools.assertNoCfnLintError(result);
    }
}
