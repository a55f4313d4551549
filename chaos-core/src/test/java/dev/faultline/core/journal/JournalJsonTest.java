package dev.faultline.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.RunEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JournalJsonTest {

    static Stream<Class<?>> eventTypes() {
        return Arrays.stream(RunEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void event_everyRunEventType_roundTrips(Class<?> type) {
        RunEvent event = JournalSamples.sample(type);

        RunEvent back = JournalJson.readEvent(JournalJson.event(event));

        if (event instanceof RunEvent.RunFailed f) {
            assertThat(back).isInstanceOf(RunEvent.RunFailed.class);
            assertThat(((RunEvent.RunFailed) back).error()).hasMessageContaining("EngineException")
                    .hasMessageContaining(f.error().getMessage());
            assertThat(back.time()).isEqualTo(event.time());
        } else {
            assertThat(back).isEqualTo(event);
        }
    }

    @Test
    void event_runCompleted_keepsTheWholeOutcome() {
        RunEvent.RunCompleted c = (RunEvent.RunCompleted) JournalSamples.sample(RunEvent.RunCompleted.class);

        RunEvent.RunCompleted back = (RunEvent.RunCompleted) JournalJson.readEvent(JournalJson.event(c));

        assertThat(back.outcome()).isEqualTo(c.outcome());
        assertThat(back.outcome().verdict().orElseThrow().series().get(0).points().get(1).value())
                .isInfinite();
    }

    @Test
    void header_roundTrips_withPreflightTagsAndTemplate() {
        RunHeader h = JournalSamples.header("r1", JournalSamples.T0, "node-loss", "123456789012", "eu-west-1",
                Map.of("team", "payments", "env", "staging"));

        RunHeader back = JournalJson.readHeader(JournalJson.header(h));

        assertThat(back).isEqualTo(h);
        assertThat(back.templateIntact()).isTrue();
        assertThat(back.preflight().resolvedTargets()).containsEntry("instances", List.of("i-1", "i-2"));
    }

    @Test
    void header_alteredTemplate_isNoLongerIntact() {
        RunHeader h = JournalSamples.header("r1", JournalSamples.T0, "n", "", "", Map.of());
        RunHeader altered = new RunHeader(h.runId(), h.startedAt(), h.experimentId(), h.templateId(),
                h.experimentName(), h.account(), h.region(), h.actor(), h.tags(),
                h.templateJson().replace("Sample", "Changed"), h.templateSha256(), false, h.preflight());

        assertThat(altered.templateIntact()).isFalse();
    }

    @Test
    void readEvent_unknownType_namesIt() {
        assertThatThrownBy(() -> JournalJson.readEvent(
                "{\"type\":\"RunTeleported\",\"experimentId\":\"E\",\"time\":\"2026-12-01T10:00:00Z\"}"))
                .isInstanceOf(JournalException.class).hasMessageContaining("RunTeleported");
    }

    @Test
    void readHeader_notJson_failsWithJournalException() {
        assertThatThrownBy(() -> JournalJson.readHeader("{\"runId\":")).isInstanceOf(JournalException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void reports_roundTrip() {
        assertThat(JournalJson.readReports(JournalJson.reports(List.of("a/report.json", "a/report.html"))))
                .containsExactly("a/report.json", "a/report.html");
    }
}
