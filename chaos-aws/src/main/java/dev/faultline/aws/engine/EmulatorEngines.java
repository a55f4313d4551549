package dev.faultline.aws.engine;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * Engines for an in-process FIS emulator such as LocalFis: on the emulator's clock, polling
 * every 20 ms near a transition and every 100 ms otherwise, at up to 500 calls a second, without
 * a JVM shutdown hook. {@code LocalFisExtension} hands tests such an engine.
 *
 * <pre>{@code
 * FisEngine engine = EmulatorEngines.create(SdkClients.fis(local), SdkClients.cloudWatch(local), local.clock());
 * }</pre>
 */
public final class EmulatorEngines {

    /** The configuration of an engine for an emulator. */
    public static final EngineConfig CONFIG = EngineConfig.builder()
            .pollInterval(Duration.ofMillis(100))
            .fastPollInterval(Duration.ofMillis(20))
            .maxCallsPerSecond(500)
            .stopOnShutdown(false)
            .build();

    private EmulatorEngines() {}

    /**
     * An engine for an emulator, with the standard validator and no safety policy.
     *
     * @param fis a FIS client pointed at the emulator
     * @param cloudWatch a CloudWatch client pointed at the emulator
     * @param clock the emulator's clock
     * @return the engine; close it when done (the clients stay open)
     */
    public static FisEngine create(FisAsyncClient fis, CloudWatchAsyncClient cloudWatch, Clock clock) {
        return FisEngine.builder().fis(fis).cloudWatch(cloudWatch).clock(clock).config(CONFIG).build();
    }
}
