package dev.faultline.core.model;

import java.util.Map;
import java.util.stream.Collectors;

/** Writes the readable multi-line summary that {@link Experiment#toString()} returns. */
final class ExperimentSummary {

    private ExperimentSummary() {}

    static String of(Experiment e) {
        StringBuilder s = new StringBuilder("Experiment");
        e.name().ifPresent(n -> s.append(' ').append(n));
        e.description().ifPresent(d -> s.append(": ").append(d));
        e.roleArn().ifPresent(r -> s.append("\n  role ").append(r));
        for (Map.Entry<String, TemplateTarget> t : e.targets().entrySet()) {
            s.append("\n  target ").append(t.getKey()).append(": ").append(target(t.getValue()));
        }
        for (Map.Entry<String, Action> a : e.actions().entrySet()) {
            s.append("\n  action ").append(a.getKey()).append(": ").append(action(a.getValue()));
        }
        for (StopCondition c : e.stopConditions()) {
            s.append("\n  stop ").append(c.isAlarm() ? "when alarm " + c.value().orElse("?") : c.source().orElse("?"));
        }
        if (!e.tags().isEmpty()) {
            s.append("\n  tags ").append(pairs(e.tags()));
        }
        e.experimentOptions().ifPresent(o -> {
            o.accountTargeting().ifPresent(a -> s.append("\n  account targeting ").append(a.wireName()));
            o.emptyTargetResolutionMode().ifPresent(m -> s.append("\n  empty targets ").append(m.wireName()));
        });
        e.hypothesis().ifPresent(h -> {
            s.append("\n  hypothesis ").append(h.description().orElse(""));
            for (SteadyStateCondition c : h.conditions()) {
                s.append("\n    ").append(c.statistic().orElse("?")).append('(').append(c.namespace().orElse("?"))
                        .append(' ').append(c.metricName().orElse("?")).append(") per ").append(c.period())
                        .append(' ').append(c.comparison().map(Comparison::symbol).orElse("?")).append(' ')
                        .append(c.threshold().map(String::valueOf).orElse("?"));
            }
        });
        return s.toString();
    }

    private static String target(TemplateTarget t) {
        StringBuilder s = new StringBuilder(t.resourceType().orElse("?"));
        if (!t.resourceArns().isEmpty()) {
            s.append(", ARNs ").append(String.join(", ", t.resourceArns()));
        }
        if (!t.resourceTags().isEmpty()) {
            s.append(", tags ").append(pairs(t.resourceTags()));
        }
        for (Filter f : t.filters()) {
            s.append(", ").append(f.path().orElse("?")).append(" in ").append(f.values());
        }
        if (!t.parameters().isEmpty()) {
            s.append(", parameters ").append(pairs(t.parameters()));
        }
        t.selectionMode().ifPresent(m -> s.append(", ").append(m));
        return s.toString();
    }

    private static String action(Action a) {
        StringBuilder s = new StringBuilder(a.actionId().orElse("?"));
        if (!a.targets().isEmpty()) {
            s.append(" on ").append(pairs(a.targets()));
        }
        if (!a.parameters().isEmpty()) {
            s.append(" {").append(pairs(a.parameters())).append('}');
        }
        if (!a.startAfter().isEmpty()) {
            s.append(" after ").append(String.join(", ", a.startAfter()));
        }
        return s.toString();
    }

    private static String pairs(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
