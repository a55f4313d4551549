package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plain parser's recycled buffer: a parser on a thread never scans a buffer another open
 * parser on that thread is using, and never reads past its own text into what an earlier, longer
 * text left in the buffer.
 */
class PlainJsonParserBufferTest {

    private static final String FIRST = "{\"description\":\"first\",\"tags\":{\"Name\":\"one\"}}";
    private static final String SECOND = "{\"roleArn\":\"second-second-second\",\"tags\":{\"Team\":\"two\"}}";

    @Test
    void twoOpenParsersOnOneThread_eachReadTheirOwnText() throws IOException {
        tokens(new PlainJsonParser(SECOND)); // leaves a buffer on this thread, which outer then borrows
        List<String> first = new ArrayList<>();
        try (PlainJsonParser outer = new PlainJsonParser(FIRST)) {
            first.add(outer.nextToken() + " " + outer.getText());
            first.add(outer.nextToken() + " " + outer.getText());
            List<String> second = tokens(new PlainJsonParser(SECOND)); // opened and closed while outer is open
            assertThat(second).contains("VALUE_STRING second-second-second", "FIELD_NAME Team", "VALUE_STRING two");
            for (JsonToken t = outer.nextToken(); t != null; t = outer.nextToken()) {
                first.add(t + " " + outer.getText());
            }
            assertThat(outer.gaveUp()).isFalse();
        }
        assertThat(first).containsExactly("START_OBJECT {", "FIELD_NAME description", "VALUE_STRING first",
                "FIELD_NAME tags", "START_OBJECT {", "FIELD_NAME Name", "VALUE_STRING one", "END_OBJECT }", "END_OBJECT }");
    }

    @Test
    void aShorterTextAfterALongerOne_isNotCompletedFromTheBuffer() throws IOException {
        String complete = "{\"description\":\"abc\"}";
        assertThat(tokens(new PlainJsonParser(complete))).endsWith("END_OBJECT }");
        // the same text cut short: the buffer still holds the rest of the one before, which must not be read
        PlainJsonParser cut = new PlainJsonParser(complete.substring(0, complete.length() - 3));
        List<String> tokens = tokens(cut);
        assertThat(cut.gaveUp()).as("tokens %s", tokens).isTrue();
        assertThat(tokens).doesNotContain("VALUE_STRING abc");
    }

    @Test
    void aTextReadAfterManyOthers_readsTheSameAsTheFirstTime() throws IOException {
        List<String> once = tokens(new PlainJsonParser(SECOND));
        for (int i = 0; i < 100; i++) {
            tokens(new PlainJsonParser(i % 2 == 0 ? FIRST : "{\"x\":\"" + "y".repeat(i * 100) + "\"}"));
        }
        assertThat(tokens(new PlainJsonParser(SECOND))).isEqualTo(once);
    }

    @Test
    void latin1Characters_areReadPlain_andACharacterBeyondThem_givesUpAtOnce() throws IOException {
        PlainJsonParser latin1 = new PlainJsonParser("{\"Équipe\":\"données à côté ÿ\"}");
        assertThat(tokens(latin1)).containsExactly("START_OBJECT {", "FIELD_NAME Équipe", "VALUE_STRING données à côté ÿ",
                "END_OBJECT }");
        assertThat(latin1.gaveUp()).isFalse();
        PlainJsonParser beyond = new PlainJsonParser("{\"name\":\"\u0122\", \"x\":\"y\"}"); // Ģ: 0x22 ('"') in its low byte
        assertThat(beyond.gaveUp()).isTrue();
        assertThat(tokens(beyond)).containsExactly("gave up");
        assertThat(TemplateJson.read("{\"name\":\"\u0122\", \"description\":\"y\"}").experiment().orElseThrow().name())
                .as("read by Jackson").contains("\u0122");
    }

    /** Every token with its text, until the end or giving up; closes the parser. */
    private static List<String> tokens(PlainJsonParser p) {
        List<String> tokens = new ArrayList<>();
        try (p) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.add(t + " " + p.getText());
            }
        } catch (IOException e) {
            tokens.add("gave up");
        }
        return tokens;
    }
}
