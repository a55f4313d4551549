package dev.faultline.core.ci;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run as a JUnit XML report, the format CI systems show as tests: one test case per hypothesis
 * condition (failed when a reading breached it, skipped when it had no data) and one for the
 * run's end state (failed unless the experiment completed), so a refuted hypothesis or a stopped
 * experiment fails the pipeline's test view with the evidence in the failure text.
 *
 * <pre>{@code
 * Files.writeString(Path.of("faultline-junit.xml"), JUnitReport.of(experiment, outcome).toXml());
 * }</pre>
 *
 * <p>Immutable.
 */
public final class JUnitReport {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String suite;
    private final List<Case> cases;
    private final Instant start;
    private final Duration time;

    private JUnitReport(String suite, List<Case> cases, Instant start, Duration time) {
        this.suite = suite;
        this.cases = List.copyOf(cases);
        this.start = start;
        this.time = time;
    }

    /**
     * The report of one run.
     *
     * @param experiment the experiment that ran (its name names the suite, its hypothesis the cases)
     * @param outcome the run's outcome
     * @return the report
     */
    public static JUnitReport of(Experiment experiment, RunOutcome outcome) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(outcome, "outcome");
        String suite = experiment.name().orElse(outcome.experimentId());
        List<Case> cases = new ArrayList<>();
        List<Evidence> evidence = outcome.verdict().map(v -> v.evidence()).orElse(List.of());
        experiment.hypothesis().ifPresent(h -> {
            for (SteadyStateCondition c : h.conditions()) {
                cases.add(condition(c, evidence));
            }
        });
        cases.add(endState(outcome));
        Instant start = outcome.startTime().orElse(null);
        Duration time = start != null && outcome.endTime().isPresent()
                ? Duration.between(start, outcome.endTime().get()) : Duration.ZERO;
        return new JUnitReport(suite, cases, start, time.isNegative() ? Duration.ZERO : time);
    }

    private static Case condition(SteadyStateCondition c, List<Evidence> evidence) {
        List<String> breaches = new ArrayList<>();
        List<String> readings = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!e.condition().equals(c)) {
                continue;
            }
            readings.add(e.toString());
            if (e.breached()) {
                breaches.add(e.toString());
            }
        }
        String name = "hypothesis: " + HypothesisEvaluator.label(c);
        String all = String.join("\n", readings);
        if (!breaches.isEmpty()) {
            return new Case(name, "failure", breaches.size() + " reading(s) breached the steady state: "
                    + breaches.get(0), all);
        }
        boolean anyData = evidence.stream().anyMatch(e -> e.condition().equals(c) && !e.missing());
        if (!anyData) {
            return new Case(name, "skipped", "no data for this condition: inconclusive", all);
        }
        return new Case(name, null, null, all);
    }

    private static Case endState(RunOutcome outcome) {
        String name = "end state";
        String detail = "state " + outcome.state().wireName() + outcome.reason().map(r -> ": " + r).orElse("")
                + outcome.stopSource().map(s -> "; stopped by " + s + outcome.stopReason().map(r -> " (" + r + ")")
                        .orElse("")).orElse("")
                + outcome.errorCode().map(c -> "; error " + c).orElse("");
        if (outcome.state() != RunState.COMPLETED) {
            return new Case(name, "failure", "the experiment did not complete: " + detail, detail);
        }
        return new Case(name, null, null, detail);
    }

    /**
     * The number of failed test cases.
     *
     * @return failures
     */
    public int failures() {
        return (int) cases.stream().filter(c -> "failure".equals(c.kind)).count();
    }

    /**
     * The report as JUnit XML.
     *
     * @return the XML document
     */
    public String toXml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long skipped = cases.stream().filter(c -> "skipped".equals(c.kind)).count();
        String seconds = String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
        x.append("<testsuites name=\"faultline\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures()).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds).append("\">\n");
        x.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures()).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds).append('"');
        if (start != null) {
            x.append(" timestamp=\"").append(TIMESTAMP.format(start)).append('"');
        }
        x.append(">\n");
        for (Case c : cases) {
            x.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(c.name))
                    .append("\"");
            if (c.kind == null && c.output.isEmpty()) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n");
            if (c.kind != null) {
                x.append("      <").append(c.kind).append(" message=\"").append(escape(c.message)).append("\"");
                x.append(c.kind.equals("failure") ? ">" + escape(c.output) + "</failure>\n" : "/>\n");
            }
            if (!c.output.isEmpty()) {
                x.append("      <system-out>").append(escape(c.output)).append("</system-out>\n");
            }
            x.append("    </testcase>\n");
        }
        return x.append("  </testsuite>\n</testsuites>\n").toString();
    }

    @Override
    public String toString() {
        return toXml();
    }

    /** Text as XML 1.0 character data or attribute value; characters XML 1.0 cannot hold become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\n': out.append("&#10;"); break;
                case '\t': out.append("&#9;"); break;
                case '\r': out.append("&#13;"); break;
                default:
                    boolean legal = (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    out.appendCodePoint(legal ? cp : 0xFFFD);
            }
        });
        return out.toString();
    }

    private record Case(String name, String kind, String message, String output) {}
}
