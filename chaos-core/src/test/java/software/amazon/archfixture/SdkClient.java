package software.amazon.archfixture;

/**
 * A fixture of {@code ArchitectureRulesTest}: a stand-in for an AWS SDK type (the rule matches
 * {@code software.amazon..}), which chaos-core's test class path does not hold.
 */
public final class SdkClient {
    private SdkClient() {}

    /**
     * Makes one.
     *
     * @return a new instance
     */
    public static SdkClient create() {
        return new SdkClient();
    }
}
