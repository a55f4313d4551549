package dev.faultline.core.testing.archfixture.d;

import software.amazon.archfixture.SdkClient;

/** A fixture of {@code ArchitectureRulesTest}: a chaos-core class that uses an AWS SDK type, as chaos-core must never do. */
public final class KnowsTheSdk {
    private KnowsTheSdk() {}

    /**
     * Makes an SDK client.
     *
     * @return the client
     */
    public static Object client() {
        return SdkClient.create();
    }
}
