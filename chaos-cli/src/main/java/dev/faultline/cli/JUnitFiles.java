package dev.faultline.cli;

import dev.faultline.temporal.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit XML report of {@code submit --wait --junit FILE}: the reports the workers wrote for
 * each run ({@code JUnitReport}, as {@code run --junit} writes them), one test suite per run in
 * one document. A run refused before its start has no report.
 */
final class JUnitFiles {

    private static final Pattern TOTALS = Pattern.compile(
            "<testsuites name=\"faultline\" tests=\"(\\d+)\" failures=\"(\\d+)\" errors=\"0\" skipped=\"(\\d+)\""
                    + " time=\"([0-9.]+)\">");

    private JUnitFiles() {}

    /**
     * The runs' reports as one document: a single run's as the worker wrote it, several runs'
     * suites under one {@code testsuites} element with the totals summed.
     *
     * @param results the runs' results
     * @return the document, empty when no run has a report
     */
    static String merge(List<RunResult> results) {
        List<String> reports = new ArrayList<>();
        for (RunResult r : results) {
            if (!r.junit().isEmpty()) {
                reports.add(r.junit());
            }
        }
        if (reports.size() <= 1) {
            return reports.isEmpty() ? "" : reports.get(0);
        }
        long tests = 0;
        long failures = 0;
        long skipped = 0;
        double time = 0;
        StringBuilder suites = new StringBuilder();
        for (String xml : reports) {
            Matcher m = TOTALS.matcher(xml);
            int from = xml.indexOf("  <testsuite ");
            int to = xml.lastIndexOf("</testsuites>");
            if (!m.find() || from < 0 || to < from) {
                throw new IllegalArgumentException("not a Faultline JUnit report: " + xml.lines().limit(2).toList());
            }
            tests += Long.parseLong(m.group(1));
            failures += Long.parseLong(m.group(2));
            skipped += Long.parseLong(m.group(3));
            time += Double.parseDouble(m.group(4));
            suites.append(xml, from, to);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\""
                + String.format(Locale.ROOT, "%.3f", time) + "\">\n" + suites + "</testsuites>\n";
    }

    /**
     * Writes the runs' report and says where; a file that cannot be written is said, not thrown.
     *
     * @param w where to print
     * @param results the runs' results
     * @param file the XML file
     */
    static void write(PrintWriter w, List<RunResult> results, Path file) {
        for (RunResult r : results) {
            if (r.junit().isEmpty()) {
                w.println("JUnit: " + r.name() + " has no report (" + r.state().toLowerCase(Locale.ROOT)
                        + (r.reason().isEmpty() ? "" : ": " + r.reason()) + ")");
            }
        }
        String xml = merge(results);
        if (xml.isEmpty()) {
            w.println("No JUnit report written to " + file + ": no run started an experiment.");
            w.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, xml);
            Matcher m = TOTALS.matcher(xml);
            w.println("JUnit report: " + file + " (" + (m.find() ? m.group(2) : "?") + " failure(s))");
        } catch (IOException e) {
            w.println("The JUnit report could not be written to " + file + ": " + e.getMessage());
        }
        w.flush();
    }
}
