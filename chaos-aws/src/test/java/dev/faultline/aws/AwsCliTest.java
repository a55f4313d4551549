package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real AWS CLI (1.45.11, botocore's newest FIS model) accepts the compiled request: it
 * sends {@code aws fis create-experiment-template --cli-input-json} to a local stub, and the
 * body it sent equals the body the Java SDK sends for the compiled request.
 */
class AwsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final FisStub stub = FisStub.start();

    @TempDir
    Path dir;

    static Stream<String> experiments() {
        return Stream.of("NODE_LOSS", "RDS_FAILOVER", "AZ_POWER", "ec2-instances-terminate-template.json",
                "aurora-global-region-failover-experiment-template.json",
                "dynamodb-region-impairment-experiment-template.json",
                "elasticache-redis-primary-node-failover-experiment-template.json",
                "ecs-fargate-az-impairment-template.json");
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void awsCli_sendsTheCompiledRequest(String name) throws Exception {
        Optional<Path> aws = Optional.of(Tools.require("aws"));
        Experiment e = Experiments.named(name);
        String token = "faultline-" + name.hashCode();
        stub.fis().createExperimentTemplate(FisCompiler.create().createRequest(e, token));
        JsonNode sdkBody = JSON.readTree(stub.last().body());

        ObjectNode input = (ObjectNode) JSON.readTree(FisCompiler.create().createRequestJson(e));
        input.put("clientToken", token);
        Path file = Files.writeString(dir.resolve("input.json"), input.toPrettyString());
        ProcessBuilder pb = new ProcessBuilder(List.of(aws.get().toString(), "fis", "create-experiment-template",
                "--cli-input-json", "file://" + file, "--endpoint-url", stub.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        int before = stub.requests().size();

        Tools.Result result = Tools.run(pb);

        assertThat(result.code()).as("aws CLI output:%n%s", result.output()).isZero();
        assertThat(stub.requests()).hasSize(before + 1);
        FisStub.Request sent = stub.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/experimentTemplates");
        assertThat(JSON.readTree(sent.body())).isEqualTo(sdkBody);
    }
}
