package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.aws.FisCompiler;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

/** {@link FisEngine#cleanup}: only Faultline's own stale templates go, never one in use or another's. */
@Timeout(60)
class FisEngineCleanupTest {

    private EngineFixture fx;
    private FisEngine engine;
    private String runTemplate;
    private String previewTemplate;
    private String foreignTemplate;
    private String activeTemplate;
    private String youngTemplate;
    private String otherOwnerTemplate;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine(EngineFixture.testConfig().templateCleanup(TemplateCleanup.NEVER).build()).build();
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        fx.advanceUntilDone(run, Duration.ofMinutes(1));
        runTemplate = run.templateId().orElseThrow();
        previewTemplate = template("p", Map.of("faultline:owner", "faultline", "faultline:purpose", "preview"));
        foreignTemplate = template("f", Map.of("Team", "someone-else"));
        otherOwnerTemplate = template("o", Map.of("faultline:owner", "another-platform"));
        activeTemplate = template("a", Map.of("faultline:owner", "faultline"));
        fx.clock.advance(Duration.ofHours(25));
        fx.fis.startExperiment(b -> b.experimentTemplateId(activeTemplate).clientToken("by-hand")).join();
        youngTemplate = template("y", Map.of("faultline:owner", "faultline"));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        fx.close();
    }

    private String template(String token, Map<String, String> tags) {
        return fx.fis.createExperimentTemplate(FisCompiler.create().createRequest(fx.nodeLoss(), token).toBuilder()
                .tags(tags).build()).join().experimentTemplate().id();
    }

    private Set<String> templates() {
        return fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates().stream()
                .map(ExperimentTemplateSummary::id).collect(Collectors.toSet());
    }

    @Test
    void dryRun_reportsWhatWouldGo_andDeletesNothing() {
        Set<String> before = templates();

        CleanupReport report = engine.cleanup(Duration.ofHours(24), true).join();

        assertThat(report.dryRun()).isTrue();
        assertThat(report.deleted()).extracting(CleanupReport.Template::templateId)
                .containsExactlyInAnyOrder(runTemplate, previewTemplate);
        assertThat(report.deleted()).extracting(CleanupReport.Template::note).containsExactlyInAnyOrder("run", "preview");
        assertThat(report.kept()).extracting(CleanupReport.Template::templateId)
                .containsExactlyInAnyOrder(activeTemplate, youngTemplate);
        assertThat(report.kept()).filteredOn(t -> t.templateId().equals(activeTemplate)).singleElement()
                .satisfies(t -> assertThat(t.note()).startsWith("used by the active experiment"));
        assertThat(templates()).isEqualTo(before);
    }

    @Test
    void cleanup_deletesFaultlinesStaleTemplates_andKeepsTheActiveTheYoungAndOthers() {
        CleanupReport report = engine.cleanup(Duration.ofHours(24), false).join();

        assertThat(report.dryRun()).isFalse();
        assertThat(report.failed()).isEmpty();
        assertThat(report.deleted()).extracting(CleanupReport.Template::templateId)
                .containsExactlyInAnyOrder(runTemplate, previewTemplate);
        assertThat(templates()).containsExactlyInAnyOrder(foreignTemplate, otherOwnerTemplate, activeTemplate,
                youngTemplate);
    }

    @Test
    void cleanup_anyAge_stillKeepsTheTemplateOfAnActiveExperiment() {
        engine.cleanup(Duration.ZERO, false).join();

        assertThat(templates()).containsExactlyInAnyOrder(foreignTemplate, otherOwnerTemplate, activeTemplate);
    }

    @Test
    void cleanup_negativeAge_isABadArgument() {
        assertThatThrownBy(() -> engine.cleanup(Duration.ofHours(-1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("olderThan");
    }
}
