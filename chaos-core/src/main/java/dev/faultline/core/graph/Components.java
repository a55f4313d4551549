package dev.faultline.core.graph;

import java.util.Arrays;

/** Strongly connected components by Tarjan's algorithm, with explicit stacks instead of recursion. */
final class Components {

    private Components() {}

    /** The component number of every vertex of a graph given as adjacency arrays. */
    static int[] of(int[][] edges) {
        int n = edges.length;
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        boolean[] onStack = new boolean[n];
        int[] callVertex = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        for (int start = 0; start < n; start++) {
            if (number[start] >= 0) {
                continue;
            }
            int depth = 0;
            callVertex[0] = start;
            callEdge[0] = 0;
            number[start] = low[start] = counter++;
            stack[stackSize++] = start;
            onStack[start] = true;
            while (depth >= 0) {
                int v = callVertex[depth];
                if (callEdge[depth] < edges[v].length) {
                    int w = edges[v][callEdge[depth]++];
                    if (number[w] < 0) {
                        number[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callVertex[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], number[w]);
                    }
                    continue;
                }
                if (low[v] == number[v]) {
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int u = callVertex[depth];
                    low[u] = Math.min(low[u], low[v]);
                }
            }
        }
        return component;
    }
}
