package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.json.TemplateJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JSON FIS takes and Faultline's own JSON are two clearly named methods. */
class ExperimentDraftJsonTest {

    private static final ExperimentDraft DRAFT = experiment("node-loss")
            .description("Stop a worker")
            .role("arn:aws:iam::112233445566:role/FisRole")
            .hypothesis(steadyState("errors stay low").metric("App", "Errors").sum().per(Duration.ofMinutes(1)).below(5))
            .action("stop", Ec2.stopInstances(ec2Instances().tagged("Role", "Worker").count(1))
                    .restartAfter(Duration.ofMinutes(2)));

    @Test
    void toFisJson_leavesOutNameAndHypothesis_whichFisRejects() throws Exception {
        JsonNode fis = new ObjectMapper().readTree(DRAFT.toFisJson());
        assertThat(fis.has("name")).isFalse();
        assertThat(fis.has("hypothesis")).isFalse();
        assertThat(fis.get("description").asText()).isEqualTo("Stop a worker");
        assertThat(fis.get("actions").has("stop")).isTrue();
    }

    @Test
    void toFaultlineJson_keepsThem_andReadsBackEqual() throws Exception {
        JsonNode own = new ObjectMapper().readTree(DRAFT.toFaultlineJson());
        assertThat(own.get("name").asText()).isEqualTo("node-loss");
        assertThat(own.has("hypothesis")).isTrue();
        assertThat(TemplateJson.parse(DRAFT.toFaultlineJson())).isEqualTo(DRAFT.build());
        assertThat(DRAFT.toJson()).isEqualTo(DRAFT.toFaultlineJson());
    }
}
