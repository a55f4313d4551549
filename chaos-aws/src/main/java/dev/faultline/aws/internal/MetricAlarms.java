package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudFormation resources of an experiment's metric stop conditions: an
 * {@code AWS::CloudWatch::Alarm} per metric alarm, an {@code AWS::CloudWatch::CompositeAlarm}
 * (any child in {@code ALARM}) where the stop condition asks for one, and the template's stop
 * condition pointing at its alarm with {@code Fn::GetAtt}.
 */
final class MetricAlarms {

    private MetricAlarms() {}

    /**
     * Adds the alarms of an experiment's metric stop conditions to the resources and points the
     * template's stop conditions at them.
     */
    static void addTo(ObjectNode resources, String id, Experiment e, ObjectNode properties) {
        ArrayNode stops = (ArrayNode) properties.get("StopConditions");
        for (int i = 0; i < e.stopConditions().size(); i++) {
            StopCondition c = e.stopConditions().get(i);
            if (!c.isDefinedByMetrics() || stops == null || i >= stops.size()) {
                continue;
            }
            List<String> children = new ArrayList<>();
            for (MetricAlarm a : c.metricAlarms()) {
                String alarmId = id + "Alarm" + CloudFormationWriter.logicalId(
                        Experiment.builder().name(a.name()).build());
                resources.set(alarmId, alarm(a, e));
                children.add(alarmId);
            }
            String target = children.get(0);
            if (c.compositeAlarmName().isPresent()) {
                target = id + "Alarm" + CloudFormationWriter.logicalId(
                        Experiment.builder().name(c.compositeAlarmName().get()).build()) + "Composite";
                resources.set(target, composite(c.compositeAlarmName().get(), children, e));
            }
            ObjectNode stop = (ObjectNode) stops.get(i);
            stop.putObject("Value").putArray("Fn::GetAtt").add(target).add("Arn");
        }
    }

    private static ObjectNode alarm(MetricAlarm a, Experiment e) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("Type", "AWS::CloudWatch::Alarm");
        ObjectNode p = resource.putObject("Properties");
        p.put("AlarmName", a.name());
        p.put("AlarmDescription", "Stop condition of the FIS experiment " + e.name().orElse("template")
                + " (created by Faultline).");
        p.put("Namespace", a.namespace());
        p.put("MetricName", a.metricName());
        if (!a.dimensions().isEmpty()) {
            ArrayNode dims = p.putArray("Dimensions");
            a.dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
        }
        p.put(a.isPercentile() ? "ExtendedStatistic" : "Statistic", a.statistic());
        p.put("Period", (int) a.period().getSeconds());
        p.put("EvaluationPeriods", a.evaluationPeriods());
        a.datapointsToAlarm().ifPresent(n -> p.put("DatapointsToAlarm", n));
        p.put("ComparisonOperator", a.comparison().name());
        p.put("Threshold", a.threshold());
        p.put("TreatMissingData", a.treatMissingData());
        return resource;
    }

    private static ObjectNode composite(String name, List<String> children, Experiment e) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("Type", "AWS::CloudWatch::CompositeAlarm");
        ObjectNode p = resource.putObject("Properties");
        p.put("AlarmName", name);
        p.put("AlarmDescription", "Any of the stop-condition alarms of the FIS experiment "
                + e.name().orElse("template") + " (created by Faultline).");
        StringBuilder rule = new StringBuilder();
        for (String child : children) {
            rule.append(rule.length() == 0 ? "" : " OR ").append("ALARM(\"${").append(child).append("}\")");
        }
        p.putObject("AlarmRule").put("Fn::Sub", rule.toString());
        return resource;
    }
}
