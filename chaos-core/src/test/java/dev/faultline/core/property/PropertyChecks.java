package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks and failure messages shared by the property tests. */
final class PropertyChecks {

    /** The most characters of a template a failure message shows. */
    private static final int SHOWN = 4000;

    /** The codes that mean the reader or a validation rule crashed. */
    static final List<String> INTERNAL = List.of("json.reader-failed", "template.rule-failed");

    private PropertyChecks() {}

    /**
     * A failure description naming the seed, how to rerun it, what was checked and the input.
     *
     * @param seed the case seed
     * @param what what was checked or done
     * @param json the template text
     * @return the description
     */
    static String describe(long seed, String what, String json) {
        String shown = json.length() > SHOWN ? json.substring(0, SHOWN) + "…(" + json.length() + " chars)" : json;
        return "seed=" + seed + " (rerun with -Dfaultline.seed=" + seed + "): " + what + "\n" + shown + "\n";
    }

    /**
     * Reads text as a string and as UTF-8 bytes, validates what was read, and fails if anything
     * threw or reported a crash. (How long it takes is the benchmarks' business; the tests'
     * {@code @Timeout} only guards against a hang.)
     *
     * @param text the template text, possibly broken
     * @param context the failure description
     * @return the reader's result for the string
     */
    static ReadResult readAndValidate(String text, String context) {
        ReadResult read = null;
        for (int pass = 0; pass < 2; pass++) {
            ReadResult r;
            ValidationResult all;
            try {
                r = pass == 0 ? TemplateJson.read(text) : TemplateJson.read(text.getBytes(StandardCharsets.UTF_8));
                all = r.validate(Validator.standard());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(context + (pass == 0 ? "read(String)" : "read(byte[])") + " or validate threw "
                        + e, e);
            }
            assertThat(all.violations()).as(context).noneMatch(v -> INTERNAL.contains(v.code()));
            read = pass == 0 ? r : read;
        }
        return read;
    }

    /**
     * Fails unless every violation's path is an RFC 6901 JSON Pointer: empty, or '/' followed by
     * reference tokens in which '~' is always escaped as '~0' or '~1'.
     *
     * @param violations the violations
     * @param context the failure description
     */
    static void assertJsonPointers(List<Violation> violations, String context) {
        for (Violation v : violations) {
            if (!isJsonPointer(v.path())) {
                fail(context + "not a JSON Pointer: '" + v.path() + "' in " + v);
            }
        }
    }

    static boolean isJsonPointer(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '~') {
                char next = i + 1 < path.length() ? path.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    return false;
                }
            }
        }
        return true;
    }
}
