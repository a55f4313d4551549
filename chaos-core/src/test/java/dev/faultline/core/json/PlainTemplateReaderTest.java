package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template reader's shortcut ({@link PlainTemplateReader}) against the template reader itself:
 * on every input it reads, the template reader finds nothing to report and reads the same
 * experiment and layout; after it gives up, the read that follows is the template reader's,
 * whatever state the shortcut stopped in. Inputs: the corpus, the fuzz inputs, seeded generated
 * templates and seeded mutations of them, and plain templates made from generated experiments
 * (only the fields the shortcut reads, so that most of them are read by it).
 */
class PlainTemplateReaderTest {

    private static final int GENERATED = 600;
    private static final int MUTATED = 3000;

    /** The benchmark's typical template (ReadValidateBenchmark), which the shortcut must read. */
    static final String TYPICAL = """
            {
              "description": "Stop 20% of the web instances in us-east-1a for five minutes",
              "roleArn": "arn:aws:iam::123456789012:role/FisExperimentRole",
              "targets": {
                "webInstances": {
                  "resourceType": "aws:ec2:instance",
                  "resourceTags": {"Role": "web"},
                  "filters": [{"path": "Placement.AvailabilityZone", "values": ["us-east-1a"]}],
                  "selectionMode": "PERCENT(20)"
                }
              },
              "actions": {
                "stopWeb": {
                  "actionId": "aws:ec2:stop-instances",
                  "description": "Stop the instances, start them again after 5 minutes",
                  "parameters": {"startInstancesAfterDuration": "PT5M"},
                  "targets": {"Instances": "webInstances"}
                }
              },
              "stopConditions": [
                {"source": "aws:cloudwatch:alarm", "value": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx-rate"}
              ],
              "tags": {"Name": "stop-web-20-percent"}
            }""";

    @Test
    void theTypicalTemplate_isReadByTheShortcut_asTheTemplateReaderReadsIt() {
        assertThat(agree(TYPICAL)).isTrue();
        ReadResult read = TemplateJson.read(TYPICAL);
        assertThat(read.violations().violations()).isEmpty();
        assertThat(read.experiment().orElseThrow().targets().get("webInstances").filters()).hasSize(1);
    }

    @Test
    void corpusAndFuzzInputs_readTheSameEitherWay() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String name : Corpus.FILES) {
            cases.put("corpus/" + name, Corpus.text(name));
        }
        Path fuzz = Path.of("src/test/resources/dev/faultline/core/fuzz");
        try (Stream<Path> walk = Files.walk(fuzz)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                cases.put("fuzz/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        int read = check(cases);
        assertThat(read).as("corpus templates the shortcut read").isPositive();
        // the corpus is what templates look like: each one the template reader has nothing to say
        // about (all but the one with an unknown field) is the shortcut's
        List<String> left = new ArrayList<>();
        for (String name : Corpus.FILES) {
            String text = Corpus.text(name);
            if (TemplateJson.tokens(new PlainJsonParser(text), text, null).violations().violations().isEmpty()
                    && shortcut(text) == null) {
                left.add(name);
            }
        }
        assertThat(left).as("clean corpus templates left to the template reader").isEmpty();
    }

    @Test
    void generatedTemplates_readTheSameEitherWay() {
        Map<String, String> cases = new LinkedHashMap<>();
        for (long seed = 1; seed <= GENERATED; seed++) {
            cases.put("valid/" + seed, ExperimentGenerator.valid().template(seed, false));
            cases.put("any/" + seed, ExperimentGenerator.any().template(seed, false));
            cases.put("plain/" + seed, plain(seed));
            cases.put("utf8/" + seed, written(seed)); // read as UTF-8 bytes, every script kept
        }
        int read = check(cases);
        // the plain ones without escapes are made for the shortcut: most must be its (not all: the
        // replaced characters make some names equal, and some stop conditions have metric alarms),
        // or it has stopped reading something it should (280 of the 1,800 when this was written)
        assertThat(read).as("generated templates the shortcut read").isGreaterThan(GENERATED * 2 / 5);
    }

    @Test
    void mutatedTemplates_readTheSameEitherWay() {
        Map<String, String> cases = new LinkedHashMap<>();
        JsonMutator.Kind[] kinds = JsonMutator.Kind.values();
        for (long seed = 1; seed <= MUTATED; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 7919);
            String template = seed % 2 == 0 ? plain(seed) : TYPICAL;
            JsonMutator.Mutated m = seed % 3 == 0 ? JsonMutator.mixed(template, random)
                    : JsonMutator.mutate(template, kinds[(int) (seed % kinds.length)], random);
            cases.put("mutated/" + seed + " " + m.steps(), m.text());
        }
        assertThat(check(cases)).as("mutated templates the shortcut read").isPositive();
    }

    /** Inputs the template reader has something to say about, or records a layout for: the shortcut must give up on each. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"description\":\"a\",\"description\":\"b\"}", // a field twice
        "{\"tags\":{\"a\":\"1\",\"a\":\"2\"}}", // a key twice
        "{\"targets\":{\"t\":{},\"t\":{}}}", // an element twice
        "{\"actions\":{\"a\":{\"targets\":{\"T\":\"t\",\"T\":\"u\"}},\"b\":{}}}",
        "{\"logConfiguration\":{\"cloudWatchLogsConfiguration\":{\"logGroupArn\":\"a\",\"logGroupArn\":\"b\"}}}",
        "{\"tags\":{\"a\\nb\":\"c\"}}", // an escape in a name
        "{\"description\":\"a\\xb\"}", // an escape JSON does not have
        "{\"description\":\"a\\u00zzb\"}",
        "{\"description\":\"a\tb\"}", // a control character
        "{\"description\":1}", // not a string
        "{\"description\":null}",
        "{\"tags\":{\"a\":true}}",
        "{\"descriptio\":\"a\"}", // an unknown field
        "{\"actions\":{\"a\":{\"actionId\":\"x\",\"timeout\":\"PT1M\"}}}",
        "{\"description\":\"a\",}", // malformed
        "{\"description\":\"a\"} {}", // content after the template
        "{\"description\":\"a\"",
        "[]",
        "",
        "{\"experimentTemplate\":{\"description\":\"a\"}}", // the GetExperimentTemplate wrapper
        "{\"logConfiguration\":{\"logSchemaVersion\":2.0}}", // a number the template reader reads as a fraction
        "{\"logConfiguration\":{\"logSchemaVersion\":-1}}",
        "{\"logConfiguration\":{\"logSchemaVersion\":02}}",
        "{\"logConfiguration\":{\"logSchemaVersion\":2147483648}}",
        "{\"logConfiguration\":{\"logSchemaVersion\":\"2\"}}",
        "{\"experimentOptions\":{\"emptyTargetResolutionMode\":\"maybe\"}}", // not one of its values
        "{\"experimentOptions\":{\"accountTargeting\":\"single-account\",\"accountTargeting\":\"multi-account\"}}",
        "{\"hypothesis\":{\"description\":\"a\"}}", // a setting the shortcut does not read
        "{\"experimentReportConfiguration\":{}}",
        "{\"id\":\"EXT123\"}", // metadata
        "{\"stopConditions\":[{\"source\":\"none\",\"metricAlarms\":[]}]}",
        "{\"targets\":\"t\"}", // a wrong type
        "{\"stopConditions\":[\"none\"]}",
    })
    void inputsTheTemplateReaderReports_areLeftToIt(String json) {
        assertThat(shortcut(json)).isNull();
        assertThat(agree(json)).isFalse();
    }

    /** Inputs with collections present but empty, and settings, which the shortcut reads with the template reader's layout. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"description\":\"a\\nb \\\"quoted\\\" \\u00e9\\/\\\\\"}", // escapes in values
        "{\"actions\":{\"a\":{\"actionId\":\"aws:ssm:send-command\",\"parameters\":{\"documentParameters\":\"{\\\"a\\\":\\\"1\\\"}\"}}}}",
        "{\"targets\":{\"t\":{\"resourceType\":\"aws:ec2:\\u0069nstance\"}}}",
        "{\"tags\":{}}",
        "{\"targets\":{},\"actions\":{},\"stopConditions\":[]}",
        "{\"targets\":{\"t\":{\"resourceArns\":[],\"resourceTags\":{},\"filters\":[],\"parameters\":{}}}}",
        "{\"targets\":{\"t\":{\"filters\":[{\"path\":\"p\",\"values\":[\"v\"]},{\"path\":\"q\",\"values\":[]}]},"
                + "\"u\":{\"filters\":[{\"values\":[]}]}}}",
        "{\"actions\":{\"a\":{\"parameters\":{},\"targets\":{},\"startAfter\":[]},\"b\":{}}}",
        "{\"logConfiguration\":{\"logSchemaVersion\":2,\"cloudWatchLogsConfiguration\":{\"logGroupArn\":\"g\"},"
                + "\"s3Configuration\":{\"bucketName\":\"b\",\"prefix\":\"p\"}}}",
        "{\"logConfiguration\":{\"logSchemaVersion\":0,\"cloudWatchLogsConfiguration\":{},\"s3Configuration\":{}}}",
        "{\"logConfiguration\":{}, \"experimentOptions\":{}}",
        "{\"experimentOptions\":{\"accountTargeting\":\"multi-account\",\"emptyTargetResolutionMode\":\"skip\"}}",
    })
    void emptyCollectionsAndSettings_areReadByTheShortcut_asTheTemplateReaderReadsThem(String json) {
        assertThat(agree(json)).isTrue();
    }

    @Test
    void aKeyOverTheCachedLength_orACollectionOverTheLimit_isLeftToTheTemplateReader() {
        String longKey = "{\"tags\":{\"" + "k".repeat(NameCache.MAX_LENGTH + 1) + "\":\"v\"}}";
        assertThat(shortcut(longKey)).isNull();
        StringBuilder many = new StringBuilder("{\"tags\":{");
        for (int i = 0; i <= PlainTemplateReader.MAX_ENTRIES; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        String large = many.append("}}").toString();
        assertThat(shortcut(large)).isNull();
        assertThat(TemplateJson.read(large).experiment().orElseThrow().tags()).hasSize(PlainTemplateReader.MAX_ENTRIES + 1);
        String atLimit = large.replace(",\"k" + PlainTemplateReader.MAX_ENTRIES + "\":\"v\"", "");
        assertThat(agree(atLimit)).isTrue();
        // a list too: a hostile template's thousands of entries are given up on at the limit
        StringBuilder arns = new StringBuilder("{\"targets\":{\"t\":{\"resourceArns\":[");
        for (int i = 0; i <= PlainTemplateReader.MAX_ENTRIES; i++) {
            arns.append(i == 0 ? "" : ",").append("\"arn:aws:ec2:us-east-1:123456789012:instance/i-").append(i).append('"');
        }
        String longList = arns.append("]}}}").toString();
        assertThat(shortcut(longList)).isNull();
        assertThat(TemplateJson.read(longList).experiment().orElseThrow().targets().get("t").resourceArns())
                .hasSize(PlainTemplateReader.MAX_ENTRIES + 1);
        assertThat(agree(longList.replace(",\"arn:aws:ec2:us-east-1:123456789012:instance/i-"
                + PlainTemplateReader.MAX_ENTRIES + "\"", ""))).isTrue();
    }

    @Test
    void utf8Bytes_areReadByTheShortcut_decodedInValues_andGivenUpOnInNames() {
        assertThat(agree(null, TYPICAL.getBytes(StandardCharsets.UTF_8))).isTrue();
        String french = TYPICAL.replace("five minutes", "cinq minutes, déjà ✓ 🙂");
        assertThat(agree(null, french.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(TemplateJson.read(french.getBytes(StandardCharsets.UTF_8)).experiment().orElseThrow().description())
                .hasValue("Stop 20% of the web instances in us-east-1a for cinq minutes, déjà ✓ 🙂");
        String vocabulary = TYPICAL.replace("\"Instances\": \"webInstances\"", "\"Instances\": \"wébInstances\"");
        assertThat(agree(null, vocabulary.getBytes(StandardCharsets.UTF_8))).isTrue();
        // a key beyond ASCII is not cached, so the shortcut cannot check it for a duplicate by reference
        String key = TYPICAL.replace("\"Role\": \"web\"", "\"Rôle\": \"web\"");
        assertThat(agree(null, key.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(TemplateJson.read(key.getBytes(StandardCharsets.UTF_8)).violations().violations()).isEmpty();
    }

    /** UTF-8 the plain parser leaves to Jackson: the shortcut gives up on each, and the read is Jackson's. */
    @ParameterizedTest
    @ValueSource(strings = {"C328", "C0AF", "EDA080", "E282", "F4908080", "80", "FF", "C3A95C6E"})
    void malformedOrUnplainUtf8_isLeftToTheTemplateReader(String hex) {
        byte[] bad = new byte[hex.length() / 2];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        byte[] head = "{\"description\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "b\",\"tags\":{\"Name\":\"n\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, text, 0, head.length);
        System.arraycopy(bad, 0, text, head.length, bad.length);
        System.arraycopy(tail, 0, text, head.length + bad.length, tail.length);
        assertThat(agree(null, text)).isFalse();
        byte[] outside = new byte[text.length + bad.length]; // the same bytes outside any string
        System.arraycopy(text, 0, outside, 0, text.length - 1);
        System.arraycopy(bad, 0, outside, text.length - 1, bad.length);
        outside[outside.length - 1] = '}';
        assertThat(agree(null, outside)).isFalse();
    }

    @Test
    void aShortcutGivingUpHalfWay_leavesNothingInTheNextRead() {
        // a target and an action read into the builders, then a setting the shortcut does not read
        String halfWay = TYPICAL.replace("\"tags\": {\"Name\": \"stop-web-20-percent\"}",
                "\"tags\": {\"Name\": \"x\"}, \"hypothesis\": {\"description\": \"x\"}");
        assertThat(shortcut(halfWay)).isNull();
        String small = "{\"targets\":{\"t\":{\"resourceType\":\"aws:ec2:instance\"}}}";
        assertThat(agree(small)).isTrue();
        Experiment read = TemplateJson.read(small).experiment().orElseThrow();
        assertThat(read.targets().get("t").filters()).isEmpty();
        assertThat(read.description()).isEmpty();
        assertThat(read.stopConditions()).isEmpty();
    }

    /**
     * Reads each case both ways and compares; then reads it through {@link TemplateJson} and
     * compares again (which shows that a shortcut that gave up left nothing behind).
     *
     * @return how many cases the shortcut read
     */
    private static int check(Map<String, String> cases) {
        List<String> wrong = new ArrayList<>();
        int read = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            try {
                boolean utf8 = c.getKey().startsWith("utf8/");
                if (utf8 ? agree(null, c.getValue().getBytes(StandardCharsets.UTF_8)) : agree(c.getValue())) {
                    read++;
                }
            } catch (AssertionError e) {
                wrong.add(c.getKey() + ": " + e.getMessage());
            }
        }
        assertThat(wrong).as("cases where the shortcut and the template reader differ").isEmpty();
        return read;
    }

    /**
     * Reads a text with the template reader, then with the shortcut, then as {@link TemplateJson}
     * does; fails where they differ.
     *
     * @return whether the shortcut read the text
     */
    private static boolean agree(String json) {
        return agree(json, null);
    }

    /** As {@link #agree(String)}, for a text given as a {@code String} or as UTF-8 bytes (the other null). */
    private static boolean agree(String json, byte[] bytes) {
        ReadResult reference = TemplateJson.tokens(json != null ? new PlainJsonParser(json) : new PlainJsonParser(bytes),
                json, bytes);
        ReadResult shortcut;
        try (PlainJsonParser p = json != null ? new PlainJsonParser(json) : new PlainJsonParser(bytes)) {
            shortcut = p.plainTemplate();
        }
        if (shortcut != null) {
            assertThat(reference.violations().violations()).as("the template reader's findings").isEmpty();
            assertThat(reference.pathPrefix()).isEmpty();
            assertThat(shortcut.experiment()).isEqualTo(reference.experiment());
            assertThat(shortcut.layout()).isEqualTo(reference.layout());
        }
        ReadResult again = json != null ? TemplateJson.read(json) : TemplateJson.read(bytes);
        assertThat(again.experiment()).isEqualTo(reference.experiment());
        assertThat(again.violations()).isEqualTo(reference.violations());
        assertThat(again.layout()).isEqualTo(reference.layout());
        return shortcut != null;
    }

    /** A generated experiment with only the fields the shortcut reads, written as JSON. */
    private static String written(long seed) {
        Experiment e = ExperimentGenerator.valid().generate(seed);
        return TemplateJson.write(Experiment.builder().from(e).logConfiguration(Optional.empty())
                .experimentOptions(Optional.empty()).experimentReportConfiguration(Optional.empty())
                .targetAccountConfigurations(List.of()).hypothesis(Optional.empty())
                .metadata(Optional.empty()).build());
    }

    private static ReadResult shortcut(String json) {
        try (PlainJsonParser p = new PlainJsonParser(json)) {
            return p.plainTemplate();
        }
    }

    /**
     * A generated experiment with only the fields the shortcut reads, written as JSON, with every
     * character beyond Latin-1 replaced (a text with one is Jackson's), and for every other seed
     * every escape too: a template the shortcut reads unless it holds a name with an escape.
     */
    private static String plain(long seed) {
        StringBuilder text = new StringBuilder();
        written(seed).chars().forEach(c -> text.append(c > 0xFF ? 'x' : (char) c));
        // every other seed without escapes, which the shortcut does not read in names (the generated
        // names hold control characters); the others keep theirs, to be given up on or read in values
        return seed % 2 == 0 ? text.toString().replaceAll("\\\\(u[0-9A-Fa-f]{4}|.)", "x") : text.toString();
    }
}
