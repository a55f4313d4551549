package dev.faultline.core.report;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's colours, in one place: written as SVG presentation attributes (so an SVG copied
 * out of the page keeps them) and as the page's badge CSS.
 */
final class Palette {

    static final String GREEN = "#1a7f37";
    static final String BLUE = "#0969da";
    static final String GREY = "#8c959f";
    static final String ORANGE = "#bc4c00";
    static final String RED = "#cf222e";
    static final String AMBER = "#9a6700";

    private Palette() {}

    /**
     * The colour of a state, experiment or action.
     *
     * @param stateName a FIS state name ({@code completed}) or {@code unknown}
     * @return the colour
     */
    static String state(String stateName) {
        switch (stateName) {
            case "completed":
                return GREEN;
            case "running":
            case "initiating":
                return BLUE;
            case "stopping":
            case "stopped":
                return ORANGE;
            case "failed":
                return RED;
            default:
                return GREY;
        }
    }

    /**
     * The colour of a verdict badge.
     *
     * @param verdictName {@code HELD}, {@code REFUTED}, {@code INCONCLUSIVE} or {@code NONE}
     * @return the colour
     */
    static String verdict(String verdictName) {
        if (Verdict.HELD.name().equals(verdictName)) {
            return GREEN;
        }
        return Verdict.REFUTED.name().equals(verdictName) ? RED : AMBER;
    }

    /** CSS rules that colour the state and verdict badges: {@code .s-<state>} and {@code .v-<VERDICT>}. */
    static String badgeCss() {
        StringBuilder css = new StringBuilder();
        Set<String> names = new TreeSet<>();
        for (RunState s : RunState.values()) {
            names.add(s.wireName());
        }
        for (ActionState s : ActionState.values()) {
            names.add(s.wireName());
        }
        names.add("unknown");
        for (String name : names) {
            css.append(".badge.s-").append(name).append(" { background: ").append(state(name)).append("; }\n");
        }
        for (String v : new String[] {"HELD", "REFUTED", "INCONCLUSIVE", "NONE"}) {
            css.append(".badge.v-").append(v).append(" { background: ").append(verdict(v)).append("; }\n");
        }
        for (String r : new String[] {"held", "breached", "missing"}) {
            String colour = "held".equals(r) ? GREEN : "breached".equals(r) ? RED : AMBER;
            css.append(".r-").append(r).append(" { color: ").append(colour).append("; }\n");
        }
        return css.toString();
    }
}
