package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.temporal.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitFilesTest {

    private static String report(String suite, int tests, int failures, int skipped, String time) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + time + "\">\n"
                + "  <testsuite name=\"" + suite + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + time + "\">\n"
                + "    <testcase classname=\"" + suite + "\" name=\"end state\"/>\n  </testsuite>\n</testsuites>\n";
    }

    private static RunResult result(String name, String junit) {
        return new RunResult(name, null, List.of(), junit.isEmpty() ? "" : "EXP-" + name, "", junit.isEmpty()
                ? RunResult.REFUSED : "COMPLETED", "", "", "", "", Map.of(), List.of(), "", junit);
    }

    @Test
    void merge_oneRun_isTheWorkersReportAsItIs() {
        String one = report("a", 2, 1, 0, "300.000");

        assertThat(JUnitFiles.merge(List.of(result("a", one), result("refused", "")))).isEqualTo(one);
    }

    @Test
    void merge_severalRuns_oneSuiteEachUnderSummedTotals() {
        String xml = JUnitFiles.merge(List.of(result("a", report("a", 2, 1, 0, "300.000")),
                result("b", report("b", 3, 0, 1, "60.500"))));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\" tests=\"5\""
                + " failures=\"1\" errors=\"0\" skipped=\"1\" time=\"360.500\">\n  <testsuite name=\"a\"")
                .contains("\n  <testsuite name=\"b\"").endsWith("  </testsuite>\n</testsuites>\n");
        assertThat(xml.split("<testsuites ", -1)).hasSize(2);
    }

    @Test
    void merge_noRunStarted_isEmpty() {
        assertThat(JUnitFiles.merge(List.of(result("refused", "")))).isEmpty();
    }
}
