package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The startAfter graph: every reference names another action, with no duplicates and no cycle. */
final class GraphRules implements ValidationRule {

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        Set<String> names = e.actions().keySet();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            String at = append(append("/actions", entry.getKey()), "startAfter");
            List<String> after = entry.getValue().startAfter();
            Set<String> seen = after.size() > 1 ? new HashSet<>() : null;
            for (int i = 0; i < after.size(); i++) {
                String ref = after.get(i);
                String rat = append(at, i);
                Checks.length(ref, 1, 64, rat, "The action name", out);
                if (ref.equals(entry.getKey())) {
                    out.add(Violation.error("graph.self-reference", rat,
                            "Action '" + ref + "' cannot start after itself.", "Remove it from its own startAfter."));
                } else if (!names.contains(ref)) {
                    List<String> near = Suggestions.nearest(ref, names, 1);
                    out.add(Violation.error("graph.unknown-reference", rat,
                            "startAfter names '" + ref + "', which is not an action of this template.",
                            near.isEmpty() ? "Name one of: " + String.join(", ", names) + "."
                                    : "Did you mean '" + near.get(0) + "'?"));
                }
                if (seen != null && !seen.add(ref)) {
                    out.add(Violation.warning("graph.duplicate-reference", rat,
                            "'" + ref + "' appears twice in startAfter.", "Remove the repeat."));
                }
            }
        }
        cycles(e, out);
    }

    /** Reports each cycle once, at the startAfter of the action where it was closed. */
    private static void cycles(Experiment e, List<Violation> out) {
        Map<String, Integer> state = new HashMap<>();
        for (String name : e.actions().keySet()) {
            if (!state.containsKey(name)) {
                visit(name, e, state, new ArrayList<>(), out);
            }
        }
    }

    private static void visit(String name, Experiment e, Map<String, Integer> state, List<String> stack,
            List<Violation> out) {
        state.put(name, 1);
        stack.add(name);
        for (String next : e.actions().get(name).startAfter()) {
            if (!e.actions().containsKey(next) || next.equals(name)) {
                continue;
            }
            Integer s = state.get(next);
            if (s == null) {
                visit(next, e, state, stack, out);
            } else if (s == 1) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
                cycle.add(next);
                out.add(Violation.error("graph.cycle", append(append("/actions", name), "startAfter"),
                        "startAfter forms a cycle: " + String.join(" -> ", cycle) + "; none of these actions could start.",
                        "Remove one of the startAfter references in the cycle."));
            }
        }
        stack.remove(stack.size() - 1);
        state.put(name, 2);
    }
}
