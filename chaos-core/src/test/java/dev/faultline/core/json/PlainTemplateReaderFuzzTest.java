package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the template reader's shortcut ({@link PlainTemplateReader}) with
 * Jazzer: on any text, given as bytes or as a {@code String}, a read by the shortcut is one the
 * template reader makes to the same experiment and layout with no violation, and reading through
 * {@link TemplateJson} gives the template reader's result, whatever the shortcut did before it gave
 * up.
 *
 * <p>In a normal test run this replays the inputs under
 * {@code src/test/resources/dev/faultline/core/json/PlainTemplateReaderFuzzTestInputs/}; to fuzz,
 * run {@code JAZZER_FUZZ=1 mvn -pl chaos-core test -Dtest=PlainTemplateReaderFuzzTest}.
 */
class PlainTemplateReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shortcutOnBytes_agreesWithTheTemplateReader(byte[] bytes) {
        ReadResult reference = TemplateJson.tokens(new PlainJsonParser(bytes), null, bytes);
        ReadResult shortcut;
        try (PlainJsonParser p = new PlainJsonParser(bytes)) {
            shortcut = p.plainTemplate();
        }
        same(reference, shortcut, TemplateJson.read(bytes));
    }

    @FuzzTest(maxDuration = "60s")
    void shortcutOnText_agreesWithTheTemplateReader(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ReadResult reference = TemplateJson.tokens(new PlainJsonParser(text), text, null);
        ReadResult shortcut;
        try (PlainJsonParser p = new PlainJsonParser(text)) {
            shortcut = p.plainTemplate();
        }
        same(reference, shortcut, TemplateJson.read(text));
    }

    private static void same(ReadResult reference, ReadResult shortcut, ReadResult read) {
        if (shortcut != null) {
            assertThat(reference.violations().violations()).as("the template reader's findings").isEmpty();
            assertThat(reference.pathPrefix()).isEmpty();
            assertThat(shortcut.experiment()).isEqualTo(reference.experiment());
            assertThat(shortcut.layout()).isEqualTo(reference.layout());
        }
        assertThat(read.experiment()).isEqualTo(reference.experiment());
        assertThat(read.violations()).isEqualTo(reference.violations());
        assertThat(read.layout()).isEqualTo(reference.layout());
    }
}
