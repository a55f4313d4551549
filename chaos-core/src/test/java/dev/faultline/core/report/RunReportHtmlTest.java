package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SteadyStateCondition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class RunReportHtmlTest {

    private static final String BARS = "//svg[@class='timeline']/rect[starts-with(@class,'bar ')]";
    private static final String PLANNED = "//svg[@class='timeline']/rect[@class='planned']";

    private static Xhtml page(RunOutcome outcome) {
        return Xhtml.parse(RunReport.of(Runs.experiment(true), outcome, Runs.preflight()).toHtml());
    }

    private static List<RunOutcome> allRuns() {
        return List.of(Runs.completedHeld(), Runs.stoppedByCaller(), Runs.failedTargetResolution(), Runs.refuted(),
                Runs.completedWithoutHypothesis());
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    @Test
    void toHtml_everyRun_isWellFormedXmlWithOneHtmlRoot() {
        for (RunOutcome o : allRuns()) {
            Xhtml page = page(o);
            assertThat(page.document().getDocumentElement().getTagName()).as(o.toString()).isEqualTo("html");
            assertThat(page.text("/html/head/title")).isEqualTo("Faultline run report: compute-node-loss");
            assertThat(page.count("/html/head/style")).isEqualTo(1);
        }
    }

    @Test
    void toHtml_isSelfContained_noScriptsNoExternalReferences() {
        for (RunOutcome o : allRuns()) {
            String html = RunReport.of(Runs.experiment(true), o, Runs.preflight()).toHtml();
            Xhtml page = Xhtml.parse(html);
            assertThat(page.count("//script | //link | //img | //iframe | //object | //embed")).isZero();
            for (Element e : page.all("//*")) {
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    String name = attributes.item(i).getNodeName();
                    assertThat(name).isNotIn("src", "href", "xlink:href").doesNotStartWith("on");
                }
            }
            assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("url(")
                    .doesNotContain("@import");
        }
    }

    @Test
    void toHtml_timeline_hasOneBarPerActionAndAPlannedBarBehindEach() {
        Xhtml page = page(Runs.completedHeld());

        List<Element> bars = page.all(BARS);
        assertThat(bars).hasSize(2);
        assertThat(bars).allSatisfy(b -> assertThat(b.getAttribute("class")).isEqualTo("bar s-completed"));
        assertThat(bars).allSatisfy(b -> assertThat(b.getAttribute("fill")).isEqualTo(Palette.GREEN));
        assertThat(page.all(PLANNED)).allSatisfy(b -> assertThat(b.getAttribute("fill-opacity")).isEqualTo("0.25"));
        assertThat(page.count(PLANNED)).isEqualTo(2);
        assertThat(page.all("//svg[@class='timeline']/rect")).first()
                .satisfies(first -> assertThat(first.getAttribute("class")).isEqualTo("planned"));
        assertThat(page.all("//svg[@class='timeline']/text[@class='action-label']"))
                .extracting(Element::getTextContent).containsExactly("stop-workers", "pause");
    }

    @Test
    void toHtml_timeline_barsRunFromActualStartToEnd() {
        List<Element> bars = page(Runs.completedHeld()).all(BARS);

        Element stop = bars.get(0);
        Element pause = bars.get(1);
        assertThat(attr(pause, "x")).isGreaterThan(attr(stop, "x"));
        assertThat(attr(stop, "x") + attr(stop, "width")).isCloseTo(attr(pause, "x"), org.assertj.core.data.Offset.offset(0.2));
        assertThat(attr(stop, "width")).isGreaterThan(attr(pause, "width"));
        assertThat(stop.getTextContent()).contains("stop-workers: completed").contains("2026-11-27T10:00:05.000Z");
    }

    @Test
    void toHtml_timeline_marksEveryExperimentStateChange() {
        Xhtml page = page(Runs.completedHeld());

        assertThat(page.count("//svg[@class='timeline']/line[starts-with(@class,'state-marker')]")).isEqualTo(3);
        assertThat(page.all("//svg[@class='timeline']/text[@class='state-label']")).extracting(Element::getTextContent)
                .containsExactly("initiating", "running", "completed");
        assertThat(page.count("//svg[@class='timeline']/line[@class='stop-marker']")).isZero();
    }

    @Test
    void toHtml_stopped_annotatesTheStopReasonAtTheStopTime() {
        Xhtml page = page(Runs.stoppedByCaller());

        List<Element> stop = page.all("//svg[@class='timeline']/line[@class='stop-marker']");
        assertThat(stop).hasSize(1);
        assertThat(page.text("//svg[@class='timeline']/text[@class='stop-label']"))
                .isEqualTo("Stop: CALLER: game day over");
        Element stopping = page.all("//svg[@class='timeline']/line[contains(@class,'s-stopping')]").get(0);
        assertThat(attr(stop.get(0), "x1")).isLessThan(attr(stopping, "x1"));
        List<Element> bars = page.all(BARS);
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).getAttribute("class")).isEqualTo("bar s-stopped");
        assertThat(bars.get(0).getAttribute("fill")).isEqualTo(Palette.ORANGE);
        assertThat(page.all("//svg[@class='timeline']/text[@class='note']")).extracting(Element::getTextContent)
                .containsExactly("not started (cancelled)");
    }

    @Test
    void toHtml_stoppedByAStopConditionWithoutARequest_annotatesTheServiceReason() {
        RunOutcome byAlarm = RunOutcome.builder().from(Runs.stoppedByCaller()).stopSource(java.util.Optional.empty())
                .stopReason(java.util.Optional.empty()).reason("Stop condition " + Runs.ALARM + " fired.")
                .events(List.of(Runs.changed(5, RunState.PENDING, RunState.RUNNING, ""),
                        Runs.changed(150, RunState.RUNNING, RunState.STOPPING, "Stop condition fired.")))
                .build();

        Xhtml page = page(byAlarm);

        String label = page.text("//svg[@class='timeline']/text[@class='stop-label']");
        String full = "Stopped: Stop condition " + Runs.ALARM + " fired.";
        assertThat(label).as("the label fits the page: the full reason, or its start and an ellipsis")
                .satisfiesAnyOf(l -> assertThat(l).isEqualTo(full),
                        l -> assertThat(l).endsWith("…").startsWith("Stopped: Stop condition ")
                                .satisfies(x -> assertThat(full).startsWith(x.substring(0, x.length() - 1))));
        Element stopping = page.all("//svg[@class='timeline']/line[contains(@class,'s-stopping')]").get(0);
        assertThat(page.all("//line[@class='stop-marker']").get(0).getAttribute("x1")).isEqualTo(stopping.getAttribute("x1"));
    }

    @Test
    void toHtml_failedAction_isARedBar_andTheBadgeCssColoursEveryState() {
        RunOutcome failed = RunOutcome.builder().from(Runs.completedHeld()).state(RunState.FAILED)
                .actions(List.of(Runs.action("stop-workers", "aws:ec2:stop-instances", ActionState.FAILED, 5L, 60L)))
                .build();
        String html = RunReport.of(Runs.experiment(true), failed).toHtml();

        assertThat(Xhtml.parse(html).all(BARS)).extracting(b -> b.getAttribute("fill")).containsExactly(Palette.RED);
        for (ActionState s : ActionState.values()) {
            assertThat(html).contains(".badge.s-" + s.wireName() + " { background: ");
        }
        assertThat(html).contains(".badge.v-REFUTED { background: " + Palette.RED + "; }");
    }

    @Test
    void toHtml_failedWithNoTimesAtAll_saysThereIsNoTimeline() {
        Xhtml page = page(Runs.failedTargetResolution());

        assertThat(page.count("//svg[@class='timeline']")).isZero();
        assertThat(page.text("//section[@id='timeline']/p")).contains("No times were recorded");
        assertThat(page.text("//section[@id='run']")).contains("TargetResolutionFailed at workers");
        assertThat(page.text("//section[@id='hypothesis']")).contains("No verdict");
        assertThat(page.count("//section[@id='actions']//tr")).isEqualTo(3);
    }

    @Test
    void toHtml_failedWithAStateChangeButNoActionTimes_drawsNoBars() {
        RunOutcome failed = RunOutcome.builder().from(Runs.failedTargetResolution())
                .addEvent(Runs.changed(3, RunState.INITIATING, RunState.FAILED, "Target resolution failed."))
                .build();

        Xhtml page = page(failed);

        assertThat(page.count("//svg[@class='timeline']")).isEqualTo(1);
        assertThat(page.count(BARS)).isZero();
        assertThat(page.count(PLANNED)).isZero();
        assertThat(page.count("//svg[@class='timeline']/text[@class='note']")).isEqualTo(2);
        assertThat(page.count("//svg[@class='timeline']/line[contains(@class,'s-failed')]")).isEqualTo(1);
    }

    @Test
    void toHtml_refuted_chartsEachSeriesWithADashedThresholdAndTheBreachesMarked() {
        Xhtml page = page(Runs.refuted());

        assertThat(page.count("//svg[@class='chart']")).isEqualTo(1);
        Element threshold = page.all("//svg[@class='chart']/line[@class='threshold']").get(0);
        assertThat(threshold.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(threshold.getAttribute("y1")).isEqualTo(threshold.getAttribute("y2"));
        assertThat(page.count("//svg[@class='chart']/circle")).isEqualTo(5);
        List<Element> breaches = page.all("//svg[@class='chart']/circle[@class='point breach']");
        assertThat(breaches).hasSize(2);
        double thresholdY = attr(threshold, "y1");
        assertThat(breaches).allSatisfy(b -> assertThat(attr(b, "cy")).isLessThan(thresholdY));
        assertThat(breaches).allSatisfy(b -> assertThat(b.getAttribute("fill")).isEqualTo(Palette.RED));
        assertThat(page.count("//svg[@class='chart']/polyline[@class='series']")).isEqualTo(1);
        assertThat(page.text("//span[contains(@class,'verdict')]")).isEqualTo("hypothesis REFUTED");
        assertThat(page.count("//table[@class='evidence']//td[@class='r-breached']")).isEqualTo(1);
    }

    @Test
    void toHtml_chart_showsTheExperimentsPhases_withTheDuringBandBetweenStartAndEnd() {
        Xhtml page = page(Runs.refuted());

        List<Element> during = page.all("//svg[@class='chart']/rect[@class='phase during']");
        assertThat(during).hasSize(1);
        assertThat(page.all("//svg[@class='chart']/rect[@class='phase before']"))
                .as("the series starts with the run: no room for a before band").isEmpty();
        double left = attr(during.get(0), "x");
        double right = left + attr(during.get(0), "width");
        List<Element> points = page.all("//svg[@class='chart']/circle");
        // the breaches were read during the experiment, so they lie inside the during band
        assertThat(page.all("//svg[@class='chart']/circle[@class='point breach']"))
                .allSatisfy(b -> assertThat(attr(b, "cx")).isBetween(left, right));
        assertThat(points).as("the series' five points").hasSize(5);
        assertThat(page.all("//svg[@class='chart']/circle[@class='point breach']")).as("2.5 and 4.5, not below 1")
                .hasSize(2);
        assertThat(page.all("//svg[@class='chart']/text[@class='axis-label']")).extracting(Element::getTextContent)
                .anySatisfy(t -> assertThat(t).startsWith("+"));
    }

    @Test
    void toHtml_held_hasNoBreachMarks() {
        Xhtml page = page(Runs.completedHeld());

        assertThat(page.count("//svg[@class='chart']/circle[@class='point']")).isEqualTo(8);
        assertThat(page.count("//circle[@class='point breach']")).isZero();
    }

    @Test
    void toHtml_emptySeriesAndSeriesWithoutThreshold_stillDrawACharts() {
        SteadyStateCondition noThreshold = SteadyStateCondition.builder().namespace("AWS/EC2")
                .metricName("CPUUtilization").build();
        SteadyStateCondition gte = SteadyStateCondition.builder().name("Success")
                .comparison(Comparison.GreaterThanOrEqualToThreshold).threshold(99.0).build();
        HypothesisVerdict verdict = HypothesisVerdict.builder().verdict(Verdict.INCONCLUSIVE).summary("No data.")
                .addSeries(new MetricSeries(Runs.ERROR_RATE, List.of()))
                .addSeries(new MetricSeries(noThreshold, List.of(new MetricPoint(Runs.at(0), 40))))
                .addSeries(new MetricSeries(gte, List.of(new MetricPoint(Runs.at(0), 99.5),
                        new MetricPoint(Runs.at(60), Double.NaN), new MetricPoint(Runs.at(120), 97))))
                .build();

        Xhtml page = page(RunOutcome.builder().from(Runs.completedHeld()).verdict(verdict).build());

        assertThat(page.count("//svg[@class='chart']")).isEqualTo(3);
        assertThat(page.all("//svg[@class='chart'][1]/text[@class='note']")).extracting(Element::getTextContent)
                .containsExactly("no data");
        assertThat(page.count("//svg[@class='chart'][1]/line[@class='threshold']")).isEqualTo(1);
        assertThat(page.count("//svg[@class='chart'][2]/line[@class='threshold']")).isZero();
        assertThat(page.text("//svg[@class='chart'][2]/text[@class='chart-title']")).startsWith("AWS/EC2/CPUUtilization");
        assertThat(page.count("//svg[@class='chart'][3]/circle")).isEqualTo(2);
        assertThat(page.count("//svg[@class='chart'][3]/circle[@class='point breach']")).isEqualTo(1);
        assertThat(page.text("//section[@id='hypothesis']")).contains("No readings were taken.");
    }

    @Test
    void toHtml_scriptInUserText_comesOutAsText() {
        String evil = "<script>alert(1)</script>";
        Experiment e = Experiment.builder().from(Runs.experiment(true)).name(evil).description(evil + " & \"more\"")
                .putTag("owner", "<img src=x onerror=alert(1)>").build();
        RunOutcome outcome = RunOutcome.builder().from(Runs.stoppedByCaller()).stopReason(evil)
                .actions(List.of(Runs.action(evil, "aws:fis:wait", ActionState.STOPPED, 5L, 195L)))
                .addEvent(new RunEvent.StopRequested(Runs.ID, Runs.at(190), dev.faultline.core.engine.StopSource.CALLER,
                        evil))
                .build();

        String html = RunReport.of(e, outcome, Runs.preflight()).toHtml();
        Xhtml page = Xhtml.parse(html);

        assertThat(page.count("//script | //img")).isZero();
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(page.text("/html/body/header/h1")).isEqualTo(evil);
        assertThat(page.text("/html/head/title")).endsWith(evil);
        assertThat(page.text("//svg[@class='timeline']/text[@class='action-label']")).isEqualTo(evil);
        assertThat(page.text("//svg[@class='timeline']/text[@class='stop-label']")).isEqualTo("Stop: CALLER: " + evil);
        assertThat(page.text("//svg[@class='timeline']")).contains(evil);
        assertThat(page.all("//svg[@class='timeline']").get(0).getAttribute("aria-label")).isEqualTo("Timeline of " + evil);
        assertThat(page.text("//section[@id='run']")).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void toHtml_longNames_areShortenedInTheSvgButKeptInFullInTheTable() {
        String longName = "a-very-long-action-name-that-would-not-fit-in-the-label-column";
        RunOutcome outcome = RunOutcome.builder().from(Runs.completedHeld())
                .actions(List.of(Runs.action(longName, "aws:fis:wait", ActionState.COMPLETED, 5L, 60L))).build();

        Xhtml page = page(outcome);

        String label = page.text("//svg[@class='timeline']/text[@class='action-label']");
        assertThat(label).hasSize(28).endsWith("…").startsWith("a-very-long-action-name");
        assertThat(page.all(BARS).get(0).getTextContent()).startsWith(longName + ": completed");
        assertThat(page.text("//section[@id='actions']//tr[2]/td[1]")).isEqualTo(longName);
    }

    @Test
    void toHtml_controlCharactersInUserText_keepThePageWellFormed() {
        Experiment e = Experiment.builder().from(Runs.experiment(true)).name("bell\u0007 and nul\u0000").build();
        RunOutcome outcome = RunOutcome.builder().from(Runs.completedHeld()).reason("escape \u001B[31m red").build();

        Xhtml page = Xhtml.parse(RunReport.of(e, outcome).toHtml());

        assertThat(page.text("/html/body/header/h1")).isEqualTo("bell\uFFFD and nul\uFFFD");
    }

    @Test
    void toHtml_preflight_listsChecksAndResolvedTargets() {
        Xhtml page = page(Runs.completedHeld());

        assertThat(page.text("//section[@id='preflight']/h2")).isEqualTo("Preflight: passed");
        assertThat(page.count("//section[@id='preflight']/table/tr")).isEqualTo(5);
        assertThat(page.text("//section[@id='preflight']/ul/li")).startsWith("workers: 2 resources");
        assertThat(Xhtml.parse(RunReport.of(Runs.experiment(true), Runs.completedHeld()).toHtml())
                .count("//section[@id='preflight']")).isZero();
    }

    @Test
    void toHtml_noHypothesis_saysSoAndDrawsNoChart() {
        Xhtml page = Xhtml.parse(RunReport.of(Runs.experiment(false), Runs.completedWithoutHypothesis()).toHtml());

        assertThat(page.count("//svg[@class='chart']")).isZero();
        assertThat(page.text("//section[@id='hypothesis']/p")).isEqualTo("This experiment has no hypothesis.");
        assertThat(page.text("//span[contains(@class,'verdict')]")).isEqualTo("no hypothesis");
        assertThat(page.count(BARS)).isEqualTo(2);
    }
}
