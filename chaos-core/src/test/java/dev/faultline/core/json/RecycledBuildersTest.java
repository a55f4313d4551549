package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The reader's recycled builders: emptying a builder forgets every attribute of its type (so a
 * kept builder never carries one template's values into the next), a set is lent to one reader
 * at a time, and a set that held a large collection is not kept.
 */
class RecycledBuildersTest {

    @Test
    void aBuilderThatHasBuilt_forgetsEveryAttribute() {
        Experiment experiment = Experiment.builder()
                .name("n").description("d").roleArn("arn:aws:iam::123456789012:role/R")
                .putTarget("t", TemplateTarget.builder().resourceType("aws:ec2:instance").build())
                .putAction("a", Action.builder().actionId("aws:fis:wait").build())
                .addStopCondition(StopCondition.none())
                .putTag("k", "v")
                .logConfiguration(full("log", "{\"logConfiguration\":{\"logSchemaVersion\":2}}").logConfiguration())
                .experimentOptions(full("experimentOptions", "{\"experimentOptions\":{\"accountTargeting\":\"single-account\"}}").experimentOptions())
                .experimentReportConfiguration(full("report", "{\"experimentReportConfiguration\":{\"preExperimentDuration\":\"PT1M\"}}")
                        .experimentReportConfiguration())
                .targetAccountConfigurations(full("accounts", "{\"targetAccountConfigurations\":[{\"accountId\":\"123456789012\"}]}")
                        .targetAccountConfigurations())
                .hypothesis(full("hypothesis", "{\"hypothesis\":{\"description\":\"h\"}}").hypothesis())
                .metadata(full("metadata", "{\"id\":\"EXT1\"}").metadata())
                .build();
        TemplateTarget target = TemplateTarget.builder()
                .resourceType("aws:ec2:instance").addResourceArn("arn:aws:ec2:us-east-1:123456789012:instance/i-1")
                .putResourceTag("k", "v").addFilter(Filter.builder().path("State.Name").addValue("running").build())
                .selectionMode(dev.faultline.core.model.SelectionMode.all()).putParameter("p", "v")
                .build();
        Filter filter = Filter.builder().path("State.Name").addValue("running").build();
        Action action = Action.builder().actionId("aws:fis:wait").description("d").putParameter("duration", "PT1M")
                .putTarget("Instances", "t").addStartAfter("b").build();
        StopCondition stop = StopCondition.builder().source("aws:cloudwatch:alarm").value("v")
                .addMetricAlarm(MetricAlarmJsonTest.ERRORS)
                .compositeAlarmName("c").build();

        assertEveryAttributeSet(Experiment.class, experiment);
        assertEveryAttributeSet(TemplateTarget.class, target);
        assertEveryAttributeSet(Filter.class, filter);
        assertEveryAttributeSet(Action.class, action);
        assertEveryAttributeSet(StopCondition.class, stop);

        RecycledBuilders set = RecycledBuilders.take();
        Experiment.Builder e = Experiment.builder().from(experiment);
        assertThat(set.built(e)).isEqualTo(experiment);
        assertThat(e.build()).isEqualTo(Experiment.builder().build());
        TemplateTarget.Builder t = TemplateTarget.builder().from(target);
        assertThat(set.built(t)).isEqualTo(target);
        assertThat(t.build()).isEqualTo(TemplateTarget.builder().build());
        Filter.Builder f = Filter.builder().from(filter);
        assertThat(set.built(f)).isEqualTo(filter);
        assertThat(f.build()).isEqualTo(Filter.builder().build());
        Action.Builder a = Action.builder().from(action);
        assertThat(set.built(a)).isEqualTo(action);
        assertThat(a.build()).isEqualTo(Action.builder().build());
        StopCondition.Builder s = StopCondition.builder().from(stop);
        assertThat(set.built(s)).isEqualTo(stop);
        assertThat(s.build()).isEqualTo(StopCondition.builder().build());
        set.giveBack(0, true);
    }

    @Test
    void aSetIsLentToOneReaderAtATime() {
        RecycledBuilders first = RecycledBuilders.take();
        RecycledBuilders second = RecycledBuilders.take(); // while first is lent
        assertThat(second).isNotSameAs(first);
        second.giveBack(0, true);
        first.giveBack(0, true);
        RecycledBuilders again = RecycledBuilders.take();
        assertThat(again).isSameAs(first);
        assertThat(RecycledBuilders.take()).isNotSameAs(first);
        again.giveBack(RecycledBuilders.MAX_KEPT_ENTRIES + 1, true);
        assertThat(RecycledBuilders.take()).isNotSameAs(again);
    }

    @Test
    void aReadThatStopsHalfWay_leavesNothingForTheNextRead() {
        String broken = "{\"description\":\"first\",\"roleArn\":\"r\",\"tags\":{\"k\":\"v\"},\"targets\":{\"t\":"
                + "{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"web\"},\"filters\":[{\"path\":\"p\","
                + "\"values\":[\"x\"]}]}},\"actions\":{\"a\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":";
        for (String text : new String[] {broken, broken + "\"PT1M\"}}}", broken + "\"PT1M\"}}, 1"}) {
            assertThat(TemplateJson.read(text).experiment()).as(text).isEmpty();
            Experiment next = TemplateJson.read("{\"description\":\"second\",\"actions\":{\"b\":{\"actionId\":\"aws:fis:wait\"}}}")
                    .experiment().orElseThrow();
            assertThat(next).isEqualTo(Experiment.builder().description("second")
                    .putAction("b", Action.builder().actionId("aws:fis:wait").build()).build());
        }
    }

    @Test
    void aLargeTemplate_isReadWholeAndTheNextOneAlone() {
        String actions = IntStream.range(0, RecycledBuilders.MAX_KEPT_ENTRIES * 2)
                .mapToObj(i -> "\"a" + i + "\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}")
                .collect(Collectors.joining(","));
        Experiment large = TemplateJson.read("{\"actions\":{" + actions + "}}").experiment().orElseThrow();
        assertThat(large.actions()).hasSize(RecycledBuilders.MAX_KEPT_ENTRIES * 2);
        Experiment small = TemplateJson.read("{\"actions\":{\"b\":{\"actionId\":\"aws:fis:wait\"}}}").experiment().orElseThrow();
        assertThat(small.actions()).containsOnlyKeys("b");
    }

    private static Experiment full(String what, String json) {
        ReadResult read = TemplateJson.read(json);
        assertThat(read.experiment()).as(what).isPresent();
        return read.experiment().orElseThrow();
    }

    /** Fails when an attribute of the type is absent or empty in the value, so a new attribute must be added here. */
    private static void assertEveryAttributeSet(Class<?> type, Object value) {
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || m.getParameterCount() != 0) {
                continue;
            }
            Object attribute;
            try {
                attribute = m.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String what = type.getSimpleName() + "." + m.getName() + "()";
            if (attribute instanceof Optional<?> o) {
                assertThat(o).as(what + ": set it in this test, and empty it in RecycledBuilders").isPresent();
            } else if (attribute instanceof Collection<?> c) {
                assertThat(c).as(what + ": set it in this test, and empty it in RecycledBuilders").isNotEmpty();
            } else if (attribute instanceof Map<?, ?> map) {
                assertThat(map).as(what + ": set it in this test, and empty it in RecycledBuilders").isNotEmpty();
            } else {
                throw new AssertionError(what + " is neither optional nor a collection: RecycledBuilders cannot empty it");
            }
        }
    }
}
