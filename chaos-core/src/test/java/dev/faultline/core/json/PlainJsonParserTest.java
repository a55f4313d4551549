package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import dev.faultline.core.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain parser, {@link TemplateJson}'s fast path, is exact or gives up: on every text it
 * reads to the end it gives Jackson's tokens and texts, it never accepts what Jackson rejects,
 * and reading through it (from a string, or from UTF-8 bytes) gives the same result as
 * reading with Jackson alone.
 */
class PlainJsonParserTest {

    private static final JsonFactory JACKSON = JsonFactory.builder().build();
    private static final ExperimentGenerator VALID = ExperimentGenerator.valid();
    private static final ExperimentGenerator ANY = ExperimentGenerator.any();

    static List<String> corpus() {
        return Corpus.FILES;
    }

    static LongStream seeds() {
        return Seeds.cases("plain-json-parser");
    }

    static Stream<String> edgeCases() {
        return Stream.of("", " ", "{}", "{} ", "{}{}", "{} x", "[]", "\"x\"", "\uFEFF{}", "{\"a\":\"b\",}", "{\"a\":[\"b\",]}",
                "{\"a\":tru}", "{\"a\":true1}", "{\"a\":truex}", "{\"a\":true}", "{\"a\":[true,false,null]}",
                "{\"a\":nul}", "{\"a\":null }", "{\"a\" \"b\"}", "{\"a\":\"b\" \"c\":\"d\"}", "{\"a\":\"b\\\"c\"}",
                "{\"a\":\"\\u0041\"}", "{\"a\":\"\\u00e9\\u00C9\\/\\b\\f\\n\\r\\t\\\\\"}", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud83d\\ude42 \\ud800\"}", "{\"a\":\"x\\\"}",
                "{\"a\\u0041\":\"x\"}", "{\"a\":\"\\u\u0663\u0663\u0663\u0663\"}", "{\"a\":\"b\tc\"}", "{\"a\":\"b\u0000\"}", "{\"a\":1}", "{\"a\":-0}",
                "{\"a\":\"x\"}\f", "{\f\"a\":\"x\"}", "{\"a\":\"x\"} // c", "{/* c */\"a\":\"x\"}", "{'a':'x'}",
                "{a:\"x\"}", "{\"a\":{\"b\":[{}, [], [[]], {\"c\":{}}]}}", "{\"a\":[", "{\"a\":{", "{\"a\"", "{\"",
                "{\"\":\"\"}", "{\"ü\":\"ünï©ødé 🙂\"}", "{\"a\":\"b\"]", "{\"a\":[\"b\"}", "{\"a\":{\"b\":\"c\"}}}",
                "{\"experimentTemplate\":{\"description\":\"x\"}}", "{\"a\":\"x\"}\n\n", "\n\t\r {\"a\":\"x\"}",
                "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
                "{\"a\":" + "[".repeat(59) + "]".repeat(59) + "}",
                "{\"a\":\"" + "x".repeat(20_000) + "\"}", "{\"" + "n".repeat(60_000) + "\":\"x\"}");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusTemplates_giveJacksonsTokensAndReadResult(String file) throws IOException {
        assertSameAsJackson(Corpus.text(file));
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void edgeCases_giveJacksonsTokensOrGiveUp(String text) throws IOException {
        assertSameAsJackson(text);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void generatedAndMutatedTemplates_giveJacksonsTokensOrGiveUp(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String template = (random.nextBoolean() ? VALID : ANY).template(seed, random.nextBoolean());
        String context = "seed=" + seed + " (rerun with -Dfaultline.seed=" + seed + ")";
        assertSameAsJackson(template, context + ", generated");
        JsonMutator.Kind kind = JsonMutator.Kind.values()[random.nextInt(JsonMutator.Kind.values().length)];
        JsonMutator.Mutated mutated = JsonMutator.mutate(template, kind, random);
        assertSameAsJackson(mutated.text(), context + ", " + mutated.steps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2-instances-terminate-template.json"})
    void aPlainTemplate_isReadWithoutGivingUp(String file) throws IOException {
        try (PlainJsonParser plain = new PlainJsonParser(Corpus.text(file))) {
            TemplateReader.read(plain);
            assertThat(plain.gaveUp()).as("the plain parser gave up on %s", file).isFalse();
        }
    }

    static Stream<String> encodings() {
        return Stream.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "UTF-8 with BOM");
    }

    /**
     * Bytes in an encoding Jackson detects (by its byte order mark, or by the zero bytes of UTF-16
     * and UTF-32) are not read as UTF-8 by the fast path: it gives up at the first byte beyond
     * ASCII or zero byte, and Jackson reads them.
     */
    @ParameterizedTest
    @MethodSource("encodings")
    void bytesInAnotherEncoding_areReadAsJacksonReadsThem(String encoding) throws IOException {
        String text = Corpus.text("ec2-instances-terminate-template.json").replace("\"description\": \"", "\"description\": \"é ");
        byte[] bytes = encoding.endsWith("with BOM")
                ? ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)
                : text.getBytes(java.nio.charset.Charset.forName(encoding));
        ReadResult expected = TemplateReader.read(JACKSON.createParser(bytes));
        ReadResult actual = TemplateJson.read(bytes);
        assertThat(actual.experiment()).as(encoding).isPresent().isEqualTo(expected.experiment());
        assertThat(actual.violations().violations()).as(encoding).isEqualTo(expected.violations().violations());
        assertThat(actual.layout()).as(encoding).isEqualTo(expected.layout());
    }

    /** Well-formed UTF-8 beyond ASCII in names and values: two, three and four bytes a character. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"description\":\"déjà vu\"}", "{\"tags\":{\"Équipe\":\"données\"}}",
        "{\"description\":\"五分間の停止\",\"tags\":{\"名前\":\"値\"}}", "{\"description\":\"🙂 and 𝄞\"}",
        "{\"targets\":{\"wéb\":{\"resourceType\":\"aws:ec2:instance\",\"selectionMode\":\"ALL\"}}}"})
    void wellFormedUtf8_isReadPlain_asJacksonReadsIt(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        PlainJsonParser plain = new PlainJsonParser(bytes);
        assertThat(tokens(plain)).as(text).isEqualTo(tokens(JACKSON.createParser(bytes)));
        assertThat(plain.gaveUp()).as(text).isFalse();
        assertThat(TemplateJson.read(bytes).experiment()).isEqualTo(TemplateReader.read(JACKSON.createParser(bytes)).experiment());
    }

    static Stream<byte[]> notPlainUtf8() {
        return Stream.of(utf8("{\"description\":\"x", 0x80, "\"}"), // a continuation byte first
                utf8("{\"description\":\"x", 0xC3, "\"}"), // cut short by the quote
                utf8("{\"description\":\"", 0xC0, 0xAF, "\"}"), // overlong '/'
                utf8("{\"description\":\"", 0xED, 0xA0, 0x80, "\"}"), // a surrogate
                utf8("{\"description\":\"", 0xF4, 0x90, 0x80, 0x80, "\"}"), // beyond U+10FFFF
                utf8("{\"description\":\"", 0xF8, 0x88, 0x80, 0x80, 0x80, "\"}"), // five bytes
                utf8("{\"d", 0xC3, 0x28, "\":\"x\"}"), // in a name
                utf8("{\"description\":\"x\"", 0xC2, 0xA0, "}"), // outside any string
                utf8("{\"description\":\"\\n", 0xC3, 0xA9, "\"}"), // with an escape
                utf8("{\"description\":\"", 0xC3, 0xA9, "\\n\"}"), // with an escape after it
                utf8("{\"description\":\"", 0xEF, 0xBF, "\"}")); // three bytes cut short
    }

    /** UTF-8 that is not well formed, or where the fast path does not read it: Jackson's reading, whatever it is. */
    @ParameterizedTest
    @MethodSource("notPlainUtf8")
    void utf8TheFastPathDoesNotRead_isJacksons(byte[] bytes) throws IOException {
        PlainJsonParser plain = new PlainJsonParser(bytes);
        tokens(plain);
        assertThat(plain.gaveUp()).isTrue();
        ReadResult expected = TemplateReader.read(JACKSON.createParser(bytes));
        ReadResult actual = TemplateJson.read(bytes);
        assertThat(actual.experiment()).isEqualTo(expected.experiment());
        assertThat(actual.violations().violations()).isEqualTo(expected.violations().violations());
    }

    /** ASCII texts and bytes, in order, as one array. */
    private static byte[] utf8(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static void assertSameAsJackson(String text) throws IOException {
        assertSameAsJackson(text, "");
    }

    private static void assertSameAsJackson(String text, String context) throws IOException {
        String shown = context + "\n" + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        List<String> jackson = tokens(JACKSON.createParser(text));
        PlainJsonParser plain = new PlainJsonParser(text);
        List<String> fast = tokens(plain);
        if (plain.gaveUp()) {
            // what it gave before giving up is what Jackson gave, up to where Jackson failed, if it
            // did (Jackson reads a field's value with its name, so it fails one token earlier)
            fast.remove(fast.size() - 1);
            int common = Math.min(fast.size(), jackson.size() - (jackson.get(jackson.size() - 1).equals("error") ? 1 : 0));
            assertThat(fast.subList(0, common)).as(shown).isEqualTo(jackson.subList(0, common));
        } else {
            assertThat(fast).as(shown).isEqualTo(jackson);
        }

        ReadResult expected = TemplateReader.read(JACKSON.createParser(text));
        ReadResult actual = TemplateJson.read(text);
        assertThat(actual.violations().violations()).as(shown).isEqualTo(expected.violations().violations());
        assertThat(actual.experiment()).as(shown).isEqualTo(expected.experiment());
        assertThat(actual.layout()).as(shown).isEqualTo(expected.layout());
        assertThat(actual.pathPrefix()).as(shown).isEqualTo(expected.pathPrefix());

        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ReadResult expectedFromBytes = TemplateReader.read(JACKSON.createParser(bytes));
        ReadResult actualFromBytes = TemplateJson.read(bytes);
        assertThat(actualFromBytes.violations().violations()).as(shown).isEqualTo(expectedFromBytes.violations().violations());
        assertThat(actualFromBytes.experiment()).as(shown).isEqualTo(expectedFromBytes.experiment());
        assertThat(actualFromBytes.layout()).as(shown).isEqualTo(expectedFromBytes.layout());
    }

    /** Every token with its text and name, until the end, a syntax error ("error") or giving up. */
    private static List<String> tokens(JsonParser p) {
        List<String> tokens = new ArrayList<>();
        try (p) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.add(t + " " + p.getText() + (t == JsonToken.FIELD_NAME ? " name=" + p.currentName() : ""));
            }
            tokens.add("end");
        } catch (IOException e) {
            tokens.add("error");
        }
        return tokens;
    }
}
