package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's size limit, and paths into the document after elements the reader skipped. */
class ReaderLimitsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/r";

    /** A document of {@code size} bytes: a template whose description fills it. */
    private static String ofSize(int size) {
        String head = "{\"description\":\"";
        String tail = "\"}";
        return head + "d".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void read_atTheLimit_isRead_andOneMoreByteIsRefusedWithoutReading() {
        String at = ofSize(1000);
        assertThat(TemplateJson.read(at, 1000).experiment()).isPresent();
        ReadResult over = TemplateJson.read(ofSize(1001), 1000);
        assertThat(over.experiment()).isEmpty();
        assertThat(over.violations().violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("json.document-too-large");
            assertThat(v.isError()).isTrue();
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).contains("1001 characters").contains("limit of 1000 characters");
        });
    }

    @Test
    void read_bytesAndStreams_areCutAtTheLimit() {
        byte[] over = ofSize(5000).getBytes(StandardCharsets.UTF_8);
        assertThat(codes(TemplateJson.read(over, 4999))).containsExactly("json.document-too-large");
        assertThat(codes(TemplateJson.read(over, 5000))).isEmpty();
        // a stream of unknown length is read up to the limit, then given up
        assertThat(codes(TemplateJson.read(new ByteArrayInputStream(over), 4096))).containsExactly("json.document-too-large");
        assertThat(codes(TemplateJson.read(new StringReader(ofSize(5000)), 4096))).containsExactly("json.document-too-large");
        assertThat(codes(TemplateJson.read(new ByteArrayInputStream(over), 5000))).isEmpty();
    }

    @Test
    void read_endlessStream_stopsAtTheDefaultLimit() {
        // a stream that never ends: without the limit the reader would read forever
        InputStream endless = new InputStream() {
            private long n;

            @Override
            public int read() {
                long i = n++;
                return i < 16 ? "{\"description\":\"".charAt((int) i) : 'd';
            }
        };
        ReadResult r = TemplateJson.read(endless);
        assertThat(codes(r)).containsExactly("json.document-too-large");
        assertThat(r.violations().violations().get(0).message()).contains("more than " + TemplateJson.DEFAULT_MAX_BYTES + " bytes");
    }

    @Test
    void read_fileOverTheLimit_isRefusedFromItsSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        Files.writeString(file, ofSize(3000));
        assertThat(codes(TemplateJson.read(file, 2999))).containsExactly("json.document-too-large");
        assertThat(TemplateJson.read(file, 2999).violations().violations().get(0).message()).contains("3000 bytes");
        assertThat(TemplateJson.read(file).experiment()).isPresent();
    }

    @Test
    void read_limitMustBePositive() {
        assertThatThrownBy(() -> TemplateJson.read("{}", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validate_afterASkippedStopCondition_pointsAtTheElementInTheDocument() {
        String json = "{\"description\":\"d\",\"roleArn\":\"" + ROLE + "\",\"stopConditions\":[5,"
                + "{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"not-an-arn\"}],\"targets\":{},\"actions\":{}}";
        ReadResult read = TemplateJson.read(json);
        assertThat(read.violations().violations()).extracting(Violation::path).containsExactly("/stopConditions/0");
        ValidationResult all = read.validate(Validator.standard());
        assertThat(all.violations()).filteredOn(v -> v.path().startsWith("/stopConditions/") && !v.code().startsWith("json."))
                .isNotEmpty().allSatisfy(v -> assertThat(v.path()).startsWith("/stopConditions/1"));
    }

    @Test
    void validate_afterSkippedElementsInNestedLists_countsEveryElementOfTheDocument() {
        String json = "{\"experimentTemplate\":{\"description\":\"d\",\"roleArn\":\"" + ROLE + "\","
                + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{},"
                + "\"actions\":{\"a\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"},"
                + "\"startAfter\":[null,\"b\",null,null,\"missing\"]},"
                + "\"b\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}}}}";
        ValidationResult all = TemplateJson.read(json).validate(Validator.standard());
        assertThat(all.withCode("graph.reference-unknown")).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("/experimentTemplate/actions/a/startAfter/4"));
    }

    @Test
    void skippedElements_moveIndexesPastEveryGap_outerListsFirst() {
        SkippedElements s = new SkippedElements();
        JsonPointer list = JsonPointer.ROOT.child("stopConditions");
        s.add(list, 0);
        s.add(list, 2);
        s.add(list.child(3).child("metricAlarms"), 1);
        assertThat(s.toDocument("/stopConditions/0/value")).isEqualTo("/stopConditions/1/value");
        assertThat(s.toDocument("/stopConditions/1/metricAlarms/1/x")).isEqualTo("/stopConditions/3/metricAlarms/2/x");
        assertThat(s.toDocument("/stopConditions/1/metricAlarms/0")).isEqualTo("/stopConditions/3/metricAlarms/0");
        assertThat(s.toDocument("/stopConditions")).isEqualTo("/stopConditions");
        assertThat(s.toDocument("/actions/0")).isEqualTo("/actions/0");
        assertThat(s.toDocument("")).isEmpty();
    }

    private static java.util.List<String> codes(ReadResult r) {
        return r.violations().violations().stream().map(Violation::code).toList();
    }
}
