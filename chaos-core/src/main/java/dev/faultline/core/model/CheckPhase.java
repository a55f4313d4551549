package dev.faultline.core.model;

/** When a steady-state condition of a hypothesis is checked. */
public enum CheckPhase {
    /** Before the experiment starts: not in steady state means the run is refused. */
    BEFORE("before"),
    /** While the experiment runs: a breach stops it, unless the run only observes. */
    DURING("during"),
    /** After the experiment and its recovery window: the system came back. */
    AFTER("after");

    private final String wireName;

    CheckPhase(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as Faultline's JSON writes it.
     *
     * @return for example {@code during}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds the constant for a JSON value.
     *
     * @param wireName the JSON value
     * @return the constant, or null when there is none
     */
    public static CheckPhase fromWireName(String wireName) {
        for (CheckPhase value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        return null;
    }
}
