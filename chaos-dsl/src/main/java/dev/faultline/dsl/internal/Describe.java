package dev.faultline.dsl.internal;

import dev.faultline.core.model.Filter;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One-line descriptions of targets and actions, for {@code toString()} in JShell. */
public final class Describe {

    private Describe() {}

    /**
     * Describes a target: resource type, how its resources are identified and chosen.
     *
     * @param t the target
     * @return for example {@code aws:ec2:instance tags{Role=Worker} filters[State.Name=running] PERCENT(20)}
     */
    public static String target(TemplateTarget t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.resourceType().orElse("?"));
        if (!t.resourceArns().isEmpty()) {
            parts.add("arns" + t.resourceArns());
        }
        if (!t.resourceTags().isEmpty()) {
            parts.add("tags" + t.resourceTags());
        }
        if (!t.filters().isEmpty()) {
            List<String> filters = new ArrayList<>();
            for (Filter f : t.filters()) {
                filters.add(f.path().orElse("?") + "=" + String.join("|", f.values()));
            }
            parts.add("filters" + filters);
        }
        if (!t.parameters().isEmpty()) {
            parts.add("parameters" + t.parameters());
        }
        parts.add(t.selectionMode().map(Object::toString).orElse("(no selection mode)"));
        return String.join(" ", parts);
    }

    /**
     * Describes an action.
     *
     * @param data the action
     * @return for example {@code aws:ec2:stop-instances {startInstancesAfterDuration=PT5M} Instances=<target>}
     */
    public static String action(ActionData data) {
        StringBuilder text = new StringBuilder(data.actionId());
        if (!data.parameters().isEmpty()) {
            text.append(' ').append(data.parameters());
        }
        for (Map.Entry<String, TargetData> t : data.targets().entrySet()) {
            text.append(' ').append(t.getKey()).append("=(").append(t.getValue()).append(')');
        }
        if (!data.startAfter().isEmpty()) {
            text.append(" after ").append(data.startAfter());
        }
        return text.toString();
    }
}
