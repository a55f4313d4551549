package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.aws.internal.CloudFormationWriter;
import dev.faultline.aws.internal.SdkRequests;
import dev.faultline.aws.internal.UnwritableException;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties over generated experiments (any shape, hard-to-quote strings and map keys,
 * hypotheses, metadata): the SDK wire body is the template JSON; FIS's answer, with its own
 * fields, imports back to the same template and metadata; CloudFormation JSON and YAML import
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

    /** Fields of the template JSON that CreateExperimentTemplate does not carry. */
    private static final List<String> NOT_SENT = List.of("name", "hypothesis", "targetAccountConfigurations", "id",
            "arn", "clientToken", "creationTime", "lastUpdateTime", "targetAccountConfigurationsCount");

    /** The template JSON less the fields CreateExperimentTemplate does not carry. */
    private static ObjectNode fisPart(Experiment e) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(TemplateJson.write(e));
        tree.remove(NOT_SENT);
        return tree;
    }

    /** What FIS adds to the template in its answer: the metadata it keeps (not the client token). */
    private static void addFisFields(ObjectNode template, Optional<TemplateMetadata> metadata) {
        metadata.ifPresent(m -> {
            m.id().ifPresent(v -> template.put("id", v));
            m.arn().ifPresent(v -> template.put("arn", v));
            m.creationTime().ifPresent(v -> template.put("creationTime", v.getEpochSecond()));
            m.lastUpdateTime().ifPresent(v -> template.put("lastUpdateTime", v.getEpochSecond()));
            m.targetAccountConfigurationsCount().ifPresent(v -> template.put("targetAccountConfigurationsCount", v));
        });
    }

    /** The metadata an import of FIS's answer holds: the generated one less the client token, or none. */
    private static Optional<TemplateMetadata> returnedMetadata(Experiment e) {
        return e.metadata().map(m -> TemplateMetadata.builder().from(m).clientToken(Optional.empty()).build())
                .filter(m -> m.id().isPresent() || m.arn().isPresent() || m.creationTime().isPresent()
                        || m.lastUpdateTime().isPresent() || m.targetAccountConfigurationsCount().isPresent());
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
        ObjectNode template = body.deepCopy();
        addFisFields(template, e.metadata());
        answer.set("experimentTemplate", template);
        stub.answer(r -> answer.toString());
        try {
            ImportResult back = FisImporter.create().fromTemplate(
                    stub.fis().getExperimentTemplate(r -> r.id("EXT1")).experimentTemplate());
            Experiment imported = back.experiment().orElseThrow();
            assertThat(fisPart(imported)).as("seed %d", seed).isEqualTo(fisPart(e));
            assertThat(imported.metadata()).as("seed %d", seed).isEqualTo(returnedMetadata(e));
            assertThat(back.source()).as("seed %d", seed)
                    .isEqualTo(e.metadata().flatMap(TemplateMetadata::id).orElse(""));
        } finally {
            stub.answer(r -> "{}");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cloudFormation_jsonAndYaml_importBackToTheSameExperiment(long seed) {
        Experiment generated = RandomExperiments.experiment(seed);
        // a CloudFormation resource has no place for FIS's id, ARN and times
        Experiment e = Experiment.builder().from(generated).metadata(Optional.empty()).build();
        if (RandomExperiments.hasIntrinsicLookalike(generated)) {
            // CloudFormation cannot quote such a key: the writer refuses rather than write another meaning
            assertThatThrownBy(() -> CloudFormationWriter.json(Map.of("Chaos", e))).as("seed %d", seed)
                    .isInstanceOf(UnwritableException.class).hasMessageContaining("intrinsic function");
            return;
        }
        for (String doc : List.of(CloudFormationWriter.json(Map.of("Chaos", e)),
                CloudFormationWriter.yaml(Map.of("Chaos", e)))) {
            List<ImportResult> back = FisImporter.create().fromCloudFormation(doc);
            assertThat(back).as("seed %d", seed).hasSize(1);
            assertThat(back.get(0).violations().withCode("cfn.intrinsic-unresolved")).as("seed %d", seed).isEmpty();
            assertThat(back.get(0).experiment()).as("seed %d:%n%s", seed, doc).contains(e);
        }
        assertThat(FisImporter.create().fromCloudFormation(CloudFormationWriter.json(Map.of("Chaos", generated))))
                .singleElement().satisfies(r -> assertThat(r.experiment()).as("seed %d", seed).contains(e));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void importer_neverThrowsNorCrashesARule_onMangledCloudFormation_andSaysWhyWhenItHasNoExperiment(long seed) {
        Experiment e = RandomExperiments.experiment(seed);
        for (long next = seed; RandomExperiments.hasIntrinsicLookalike(e); ) { // the writer refuses those
            next += 1_000_003;
            e = RandomExperiments.experiment(next);
        }
        String doc = CloudFormationWriter.yaml(Map.of("Chaos", e));
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
        assertThat(results).as("seed %d: one result per resource, or one that says why there is none", seed)
                .isNotEmpty();
        for (ImportResult result : results) {
            assertThat(result.violations().withCode("validator.internal")).as("seed %d: a rule crashed", seed)
                    .isEmpty();
            assertThat(result.experiment().isPresent() || result.violations().hasErrors())
                    .as("seed %d: a result with no experiment names an error: %s", seed, result).isTrue();
        }
    }
}
