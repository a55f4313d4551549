package dev.faultline.core.model;

/** How a metric value is compared with a threshold; the names are CloudWatch's. */
public enum Comparison {
    /** value &lt; threshold. */
    LessThanThreshold("<"),
    /** value &lt;= threshold. */
    LessThanOrEqualToThreshold("<="),
    /** value &gt; threshold. */
    GreaterThanThreshold(">"),
    /** value &gt;= threshold. */
    GreaterThanOrEqualToThreshold(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The comparison as a symbol.
     *
     * @return for example {@code <}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Tells whether a value satisfies the comparison.
     *
     * @param value the metric value
     * @param threshold the threshold
     * @return true if {@code value} compares to {@code threshold} as this says
     */
    public boolean test(double value, double threshold) {
        switch (this) {
            case LessThanThreshold:
                return value < threshold;
            case LessThanOrEqualToThreshold:
                return value <= threshold;
            case GreaterThanThreshold:
                return value > threshold;
            default:
                return value >= threshold;
        }
    }

    /**
     * Finds the constant for a name.
     *
     * @param name the CloudWatch name, for example {@code LessThanThreshold}
     * @return the constant, or null when there is none
     */
    public static Comparison fromName(String name) {
        for (Comparison value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
