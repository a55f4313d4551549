package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.graph.StartAfterGraph;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The startAfter graph: every reference names another action, with no duplicates and no cycle. */
final class GraphRules implements ValidationRule {

    /** How many names a message or hint lists before "and N more". */
    private static final int MAX_NAMED = 10;

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        Set<String> names = e.actions().keySet();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            List<String> after = entry.getValue().startAfter();
            if (after.isEmpty()) {
                continue;
            }
            String at = append(append("/actions", entry.getKey()), "startAfter");
            Set<String> seen = after.size() > 1 ? new HashSet<>() : null;
            for (int i = 0; i < after.size(); i++) {
                String ref = after.get(i);
                String rat = append(at, i);
                Checks.length(ref, 1, 64, rat, "The action name", out);
                if (ref.equals(entry.getKey())) {
                    out.add(Violation.error(ViolationCode.GRAPH_REFERENCE_SELF, rat,
                            "Action '" + ref + "' cannot start after itself.", "Remove it from its own startAfter."));
                } else if (!names.contains(ref)) {
                    List<String> near = Checks.nearestName(ref, names);
                    out.add(Violation.error(ViolationCode.GRAPH_REFERENCE_UNKNOWN, rat,
                            "startAfter names '" + ref + "', which is not an action of this template.",
                            near.isEmpty() ? "Name one of: " + Checks.few(names, ", ", MAX_NAMED) + "."
                                    : "Did you mean '" + near.get(0) + "'?"));
                }
                if (seen != null && !seen.add(ref)) {
                    out.add(Violation.warning(ViolationCode.GRAPH_REFERENCE_DUPLICATE, rat,
                            "'" + ref + "' appears twice in startAfter.", "Remove the repeat."));
                }
            }
        }
        cycles(e, out);
    }

    /**
     * Reports each cycle once per group of actions that start after one another, at the
     * startAfter of the action that closes it, naming the same cycle as the plan's scheduler.
     */
    private static void cycles(Experiment e, List<Violation> out) {
        boolean edges = false;
        for (Action a : e.actions().values()) {
            edges |= !a.startAfter().isEmpty();
        }
        if (!edges) {
            return; // no edge, no cycle
        }
        for (List<String> cycle : StartAfterGraph.of(e.actions()).cycles()) {
            String closing = cycle.get(cycle.size() - 2);
            out.add(Violation.error(ViolationCode.GRAPH_CYCLE, append(append("/actions", closing), "startAfter"),
                    "startAfter forms a cycle: " + Checks.few(cycle, " -> ", MAX_NAMED) + "; none of these actions could start.",
                    "Remove one of the startAfter references in the cycle."));
        }
    }
}
