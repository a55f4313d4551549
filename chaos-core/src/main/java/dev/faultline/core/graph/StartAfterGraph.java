package dev.faultline.core.graph;

import dev.faultline.core.model.Action;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The startAfter graph of an experiment's actions: an edge from each action to every action it
 * starts after. It gives a start order (every action after the actions it starts after), the
 * actions that cannot be ordered, and the cycles, one per group of actions that start after one
 * another (a strongly connected component). Everything is computed iteratively in time linear
 * in the actions and references, so chains and cycles of any length cost no stack depth.
 * References to names that are not actions, and an action's reference to itself, are not edges;
 * the validator reports them on their own.
 *
 * <pre>{@code
 * StartAfterGraph graph = StartAfterGraph.of(experiment.actions());
 * graph.cycles().forEach(cycle -> System.out.println(String.join(" -> ", cycle)));
 * }</pre>
 */
public final class StartAfterGraph {

    private final List<String> names;
    private final Map<String, Integer> index;
    private final int[][] after;
    private final boolean[] selfReference;
    private final boolean[] unknownReference;
    private final int[] component;
    private final List<String> order;
    private final List<List<String>> cycles;
    private final int[] cycleOf;

    private StartAfterGraph(Map<String, Action> actions) {
        int n = actions.size();
        names = List.copyOf(actions.keySet());
        index = new HashMap<>(n * 2);
        for (String name : names) {
            index.put(name, index.size());
        }
        after = new int[n][];
        selfReference = new boolean[n];
        unknownReference = new boolean[n];
        for (int v = 0; v < n; v++) {
            List<String> refs = actions.get(names.get(v)).startAfter();
            int[] edges = new int[refs.size()];
            int count = 0;
            for (String ref : refs) {
                Integer w = index.get(ref);
                if (w == null) {
                    unknownReference[v] = true;
                } else if (w == v) {
                    selfReference[v] = true;
                } else {
                    edges[count++] = w;
                }
            }
            after[v] = count == edges.length ? edges : Arrays.copyOf(edges, count);
        }
        component = Components.of(after);
        order = findOrder();
        cycleOf = new int[n];
        cycles = findCycles();
    }

    /**
     * Builds the graph of an experiment's actions.
     *
     * @param actions the actions by name, in template order
     * @return the graph
     */
    public static StartAfterGraph of(Map<String, Action> actions) {
        return new StartAfterGraph(Objects.requireNonNull(actions, "actions"));
    }

    /**
     * The actions that can start, each after every action it starts after, ties kept in template
     * order; an action in a cycle, after an unknown name or after itself, or after such an
     * action, is left out.
     *
     * @return the names in start order
     */
    public List<String> startOrder() {
        return order;
    }

    /**
     * The cycles, one per group of actions that start after one another, in template order of
     * their first action. Each is the shortest cycle through the group's first action, as names
     * in startAfter direction with the first repeated last: {@code [A, B, A]} when A starts
     * after B and B after A.
     *
     * @return the cycles
     */
    public List<List<String>> cycles() {
        return cycles;
    }

    /**
     * The cycle of the group an action belongs to, as {@link #cycles()} names it, or for an action
     * that only starts after itself, {@code [name, name]}.
     *
     * @param name the action name
     * @return the cycle, or an empty list when the action is in none
     */
    public List<String> cycleOf(String name) {
        Integer v = index.get(name);
        if (v == null) {
            return List.of();
        }
        if (cycleOf[v] >= 0) {
            return cycles.get(cycleOf[v]);
        }
        return selfReference[v] ? List.of(name, name) : List.of();
    }

    /**
     * Tells whether an action starts after a name that is not an action of the template.
     *
     * @param name the action name
     * @return true if one of its references is unknown
     */
    public boolean hasUnknownReference(String name) {
        Integer v = index.get(name);
        return v != null && unknownReference[v];
    }

    /** Kahn's algorithm over the reversed edges: an action is ready once all it starts after are placed. */
    private List<String> findOrder() {
        int n = names.size();
        int[] waiting = new int[n];
        int[][] followers = reversed();
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            waiting[v] = after[v].length;
            if (waiting[v] == 0 && !selfReference[v] && !unknownReference[v]) {
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int w : followers[queue[head]]) {
                if (--waiting[w] == 0 && !selfReference[w] && !unknownReference[w]) {
                    queue[tail++] = w;
                }
            }
        }
        List<String> out = new ArrayList<>(tail);
        for (int i = 0; i < tail; i++) {
            out.add(names.get(queue[i]));
        }
        return List.copyOf(out);
    }

    private int[][] reversed() {
        int n = names.size();
        int[] count = new int[n];
        for (int[] edges : after) {
            for (int w : edges) {
                count[w]++;
            }
        }
        int[][] followers = new int[n][];
        for (int v = 0; v < n; v++) {
            followers[v] = new int[count[v]];
            count[v] = 0;
        }
        for (int v = 0; v < n; v++) {
            for (int w : after[v]) {
                followers[w][count[w]++] = v;
            }
        }
        return followers;
    }

    /** One cycle per component of two or more actions: the shortest back to its first action, found breadth first. */
    private List<List<String>> findCycles() {
        int n = names.size();
        int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            size[component[v]]++;
        }
        boolean[] done = new boolean[n];
        int[] cycleOfComponent = new int[n];
        Arrays.fill(cycleOfComponent, -1);
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        int[] queue = new int[n];
        List<List<String>> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            int c = component[root];
            if (size[c] < 2 || done[c]) {
                continue;
            }
            done[c] = true;
            cycleOfComponent[c] = out.size();
            out.add(shortestCycle(root, parent, queue));
        }
        for (int v = 0; v < n; v++) {
            cycleOf[v] = cycleOfComponent[component[v]];
        }
        return List.copyOf(out);
    }

    private List<String> shortestCycle(int root, int[] parent, int[] queue) {
        int c = component[root];
        int tail = 0;
        queue[tail++] = root;
        parent[root] = root;
        int last = -1;
        for (int head = 0; head < tail && last < 0; head++) {
            int v = queue[head];
            for (int w : after[v]) {
                if (w == root) {
                    last = v;
                    break;
                }
                if (component[w] == c && parent[w] < 0) {
                    parent[w] = v;
                    queue[tail++] = w;
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (int v = last; v != root; v = parent[v]) {
            path.add(names.get(v));
        }
        path.add(names.get(root));
        Collections.reverse(path);
        path.add(names.get(root));
        for (int i = 0; i < tail; i++) {
            parent[queue[i]] = -1;
        }
        return List.copyOf(path);
    }
}
