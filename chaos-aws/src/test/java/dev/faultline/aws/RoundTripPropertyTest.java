package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.aws.internal.CloudFormationWriter;
import dev.faultline.aws.internal.SdkRequests;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties over generated experiments (any shape, hard-to-quote strings): the SDK
 * wire body is the template JSON; FIS's answer imports back; CloudFormation JSON and YAML import
 * back to the same experiment. Compilation is called without validation (the experiments are
 * not valid FIS templates); the seed is in the test name.
 */
class RoundTripPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BASE_SEED = 0x5EED_FA17L;
    @RegisterExtension
    static final FisStub stub = FisStub.start();

    static LongStream seeds() {
        return LongStream.range(0, 150).map(i -> BASE_SEED + i);
    }

    /** The template JSON less Faultline's own fields, which FIS does not know. */
    private static ObjectNode fisPart(Experiment e) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(TemplateJson.write(e));
        tree.remove(List.of("name", "hypothesis", "targetAccountConfigurations"));
        return tree;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sdkWireBody_isTheTemplate_andTheAnswerImportsBack(long seed) throws Exception {
        Experiment e = RandomExperiments.experiment(seed);
        stub.fis().createExperimentTemplate(SdkRequests.create(e, "token"));
        ObjectNode body = (ObjectNode) JSON.readTree(stub.last().body());
        body.remove("clientToken");
        assertThat(body).as("seed %d", seed).isEqualTo(fisPart(e));

        ObjectNode answer = JSON.createObjectNode();
        answer.set("experimentTemplate", body);
        stub.answer(r -> answer.toString());
        try {
            ImportResult back = FisImporter.create().fromTemplate(
                    stub.fis().getExperimentTemplate(r -> r.id("EXT1")).experimentTemplate());
            assertThat(fisPart(back.experiment().orElseThrow())).as("seed %d", seed).isEqualTo(fisPart(e));
        } finally {
            stub.answer(r -> "{}");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cloudFormation_jsonAndYaml_importBackToTheSameExperiment(long seed) {
        Experiment e = RandomExperiments.experiment(seed);
        for (String doc : List.of(CloudFormationWriter.json(Map.of("Chaos", e)),
                CloudFormationWriter.yaml(Map.of("Chaos", e)))) {
            List<ImportResult> back = FisImporter.create().fromCloudFormation(doc);
            assertThat(back).as("seed %d", seed).hasSize(1);
            assertThat(back.get(0).violations().withCode("cfn.intrinsic-unresolved")).as("seed %d", seed).isEmpty();
            assertThat(back.get(0).experiment()).as("seed %d:%n%s", seed, doc).contains(e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void importer_neverThrows_onMangledCloudFormation(long seed) {
        String doc = CloudFormationWriter.yaml(Map.of("Chaos", RandomExperiments.experiment(seed)));
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        StringBuilder mangled = new StringBuilder(doc);
        for (int i = 0; i < 5 && mangled.length() > 0; i++) {
            int at = r.nextInt(mangled.length());
            switch (r.nextInt(3)) {
                case 0 -> mangled.deleteCharAt(at);
                case 1 -> mangled.insert(at, "!:{[-#&*\"'\n".charAt(r.nextInt(11)));
                default -> mangled.setCharAt(at, ' ');
            }
        }
        List<ImportResult> results = FisImporter.create().fromCloudFormation(mangled.toString());
        assertThat(results).isNotEmpty();
        JsonNode ignored = JSON.valueToTree(results.size());
        assertThat(ignored).isNotNull();
    }
}
