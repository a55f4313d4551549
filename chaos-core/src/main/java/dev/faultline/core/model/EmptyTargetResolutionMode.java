package dev.faultline.core.model;

/** What FIS does when a target resolves to no resource. */
public enum EmptyTargetResolutionMode {
    /** The experiment fails (the default). */
    FAIL("fail"),
    /** Actions whose targets resolved to nothing are skipped. */
    SKIP("skip");

    private final String wireName;

    EmptyTargetResolutionMode(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as FIS writes it.
     *
     * @return for example {@code skip}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds the constant for a wire value.
     *
     * @param wireName the value as FIS writes it
     * @return the constant, or null when there is none
     */
    public static EmptyTargetResolutionMode fromWireName(String wireName) {
        for (EmptyTargetResolutionMode value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        return null;
    }
}
