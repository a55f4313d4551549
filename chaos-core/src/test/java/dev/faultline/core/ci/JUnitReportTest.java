package dev.faultline.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    private static final Instant T0 = Instant.parse("2026-11-27T13:00:00Z");
    private static final SteadyStateCondition ERRORS = SteadyStateCondition.builder().name("errors")
            .namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count").statistic("Sum")
            .comparison(Comparison.LessThanThreshold).threshold(5.0).build();
    private static final SteadyStateCondition LATENCY = SteadyStateCondition.builder().name("p99 <latency> & \"more\"")
            .namespace("AWS/ApplicationELB").metricName("TargetResponseTime").statistic("p99")
            .comparison(Comparison.LessThanThreshold).threshold(1.5).build();
    private static final SteadyStateCondition QUEUE = SteadyStateCondition.builder().name("queue")
            .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").statistic("Maximum")
            .comparison(Comparison.LessThanThreshold).threshold(100.0).build();

    private static Experiment experiment() {
        return Experiment.builder().name("checkout-az-loss").description("d")
                .roleArn("arn:aws:iam::123456789012:role/fis").addStopCondition(StopCondition.none())
                .hypothesis(Hypothesis.builder().addCondition(ERRORS).addCondition(LATENCY).addCondition(QUEUE).build())
                .build();
    }

    private static RunOutcome outcome(RunState state, double errorsDuring) {
        HypothesisVerdict verdict = HypothesisVerdict.builder().verdict(Verdict.REFUTED).summary("s")
                .addEvidence(new Evidence(ERRORS, CheckPhase.BEFORE, T0, OptionalDouble.of(1)))
                .addEvidence(new Evidence(ERRORS, CheckPhase.DURING, T0.plusSeconds(60), OptionalDouble.of(errorsDuring)))
                .addEvidence(new Evidence(LATENCY, CheckPhase.DURING, T0.plusSeconds(60), OptionalDouble.of(0.4)))
                .addEvidence(new Evidence(QUEUE, CheckPhase.DURING, T0.plusSeconds(60), OptionalDouble.empty()))
                .build();
        RunOutcome.Builder b = RunOutcome.builder().experimentId("EXP1").state(state).startTime(T0)
                .endTime(T0.plusSeconds(125)).verdict(verdict);
        if (state == RunState.STOPPED) {
            b.stopSource(StopSource.HYPOTHESIS).stopReason("errors alarm");
        }
        return b.build();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case " + name);
    }

    @Test
    void refutedCondition_isAFailedTestCase_withTheEvidence() throws Exception {
        JUnitReport report = JUnitReport.of(experiment(), outcome(RunState.COMPLETED, 12));

        Document doc = parse(report.toXml());

        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("checkout-az-loss");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("125.000");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-27T13:00:00");
        Element failure = (Element) testcase(doc, "hypothesis: errors").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("1 reading(s) breached").contains("12");
        assertThat(failure.getTextContent()).contains("(before): 1").contains("(during): 12");
        assertThat(testcase(doc, "hypothesis: p99 <latency> & \"more\"").getElementsByTagName("failure").getLength())
                .isZero();
        assertThat(testcase(doc, "hypothesis: queue").getElementsByTagName("skipped").getLength()).isOne();
        assertThat(testcase(doc, "end state").getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void heldHypothesis_andCompletedRun_haveNoFailure() throws Exception {
        JUnitReport report = JUnitReport.of(experiment(), outcome(RunState.COMPLETED, 2));

        assertThat(report.failures()).isZero();
        assertThat(parse(report.toXml()).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void stoppedRun_failsTheEndStateCase_withWhoStoppedIt() throws Exception {
        JUnitReport report = JUnitReport.of(experiment(), outcome(RunState.STOPPED, 2));

        Element failure = (Element) testcase(parse(report.toXml()), "end state").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("did not complete").contains("stopped")
                .contains("HYPOTHESIS").contains("errors alarm");
    }

    @Test
    void controlCharacters_doNotBreakTheXml() throws Exception {
        Experiment e = Experiment.builder().from(experiment()).name("bad\u0001name\u202e").build();

        Document doc = parse(JUnitReport.of(e, outcome(RunState.FAILED, 2)).toXml());

        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name"))
                .isEqualTo("bad\ufffdname\u202e");
    }
}
