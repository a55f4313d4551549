package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;

/**
 * Every corpus template: FIS JSON -> Experiment -> SDK request -> the JSON a real FisClient puts
 * on the wire equals the original tree plus the client token; and the template FIS would return
 * (the same JSON, unmarshalled by the SDK) imports back to the same experiment.
 */
class FisWireRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The one corpus template with a field FIS does not know: the reader drops it (and reports
     * it), so it cannot reach the wire.
     */
    private static final Map<String, String> UNKNOWN_FIELDS = Map.of(
            "mysql-rds-loadtest-failover-template.json", "/actions/StopLoadTest/startAfterDelay");

    @RegisterExtension
    static final FisStub stub = FisStub.start();

    static List<String> corpus() {
        return Corpus.FILES;
    }

    private static JsonNode original(String file) throws Exception {
        JsonNode tree = JSON.readTree(Corpus.text(file));
        String unknown = UNKNOWN_FIELDS.get(file);
        if (unknown != null) {
            int cut = unknown.lastIndexOf('/');
            ((ObjectNode) tree.at(unknown.substring(0, cut))).remove(unknown.substring(cut + 1));
        }
        return tree;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void createRequest_onTheWire_equalsTheTemplatePlusClientToken(String file) throws Exception {
        ReadResult read = TemplateJson.read(Corpus.text(file));
        Experiment experiment = read.experiment().orElseThrow();

        stub.fis().createExperimentTemplate(FisCompiler.create().createRequest(experiment, read.layout(), null));

        FisStub.Request sent = stub.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/experimentTemplates");
        ObjectNode body = (ObjectNode) JSON.readTree(sent.body());
        assertThat(body.path("clientToken").asText()).isNotBlank();
        body.remove("clientToken");
        assertThat(body).isEqualTo(original(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void getExperimentTemplate_answer_importsToTheSameExperiment(String file) throws Exception {
        ReadResult read = TemplateJson.read(Corpus.text(file));
        Experiment experiment = read.experiment().orElseThrow();
        ObjectNode answer = JSON.createObjectNode();
        answer.set("experimentTemplate", original(file));
        stub.answer(r -> answer.toString());
        try {
            ExperimentTemplate template = stub.fis().getExperimentTemplate(r -> r.id("EXT1234567890abc")).experimentTemplate();
            ImportResult imported = FisImporter.create().fromTemplate(template);

            assertThat(imported.experiment()).contains(experiment);
            assertThat(imported.layout()).isEqualTo(read.layout());
            assertThat(imported.violations().errors()).isEmpty();
            assertThat(JSON.readTree(TemplateJson.write(imported.experiment().get(), imported.layout())))
                    .isEqualTo(original(file));
        } finally {
            stub.answer(r -> "{}");
        }
    }
}
