package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

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
                    out.add(Violation.error("graph.self-reference", rat,
                            "Action '" + ref + "' cannot start after itself.", "Remove it from its own startAfter."));
                } else if (!names.contains(ref)) {
                    List<String> near = Checks.nearestName(ref, names);
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

    /**
     * Reports each cycle once, at the startAfter of the action where it was closed. Depth-first,
     * with an explicit stack: a long startAfter chain must not overflow the thread's stack.
     */
    private static void cycles(Experiment e, List<Violation> out) {
        boolean edges = false;
        for (dev.faultline.core.model.Action a : e.actions().values()) {
            edges |= !a.startAfter().isEmpty();
        }
        if (!edges) {
            return; // no edge, no cycle
        }
        Map<String, Integer> state = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<Integer> nextRef = new ArrayList<>();
        for (String root : e.actions().keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            state.put(root, 1);
            stack.add(root);
            nextRef.add(0);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                String name = stack.get(top);
                List<String> after = e.actions().get(name).startAfter();
                int i = nextRef.get(top);
                if (i == after.size()) {
                    stack.remove(top);
                    nextRef.remove(top);
                    state.put(name, 2);
                    continue;
                }
                nextRef.set(top, i + 1);
                String next = after.get(i);
                if (!e.actions().containsKey(next) || next.equals(name)) {
                    continue;
                }
                Integer s = state.get(next);
                if (s == null) {
                    state.put(next, 1);
                    stack.add(next);
                    nextRef.add(0);
                } else if (s == 1) {
                    List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
                    cycle.add(next);
                    out.add(Violation.error("graph.cycle", append(append("/actions", name), "startAfter"),
                            "startAfter forms a cycle: " + String.join(" -> ", cycle) + "; none of these actions could start.",
                            "Remove one of the startAfter references in the cycle."));
                }
            }
        }
    }
}
