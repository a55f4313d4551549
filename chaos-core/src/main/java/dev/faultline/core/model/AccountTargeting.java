package dev.faultline.core.model;

/** Whether an experiment targets resources in one account or in several. */
public enum AccountTargeting {
    /** Resources in the account that runs the experiment (the default). */
    SINGLE_ACCOUNT("single-account"),
    /** Resources in the target accounts of the template's target account configurations. */
    MULTI_ACCOUNT("multi-account");

    private final String wireName;

    AccountTargeting(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as FIS writes it.
     *
     * @return for example {@code single-account}
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
    public static AccountTargeting fromWireName(String wireName) {
        for (AccountTargeting value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        return null;
    }
}
