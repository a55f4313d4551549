package dev.faultline.testkit;

import dev.faultline.core.engine.ChaosEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * Builds the {@code FisEngine} that {@link LocalFisExtension} hands tests, through
 * {@code dev.faultline.aws.engine.EmulatorEngines} of chaos-aws (found at run time: chaos-aws
 * depends on this module for its own tests, so this module cannot depend on it).
 */
final class ReadyEngine {

    /** The class name of the engine tests ask for. */
    static final String FIS_ENGINE = "dev.faultline.aws.engine.FisEngine";
    private static final String FACTORY = "dev.faultline.aws.engine.EmulatorEngines";

    private ReadyEngine() {}

    /**
     * A new engine on LocalFis's clock, with its own clients.
     *
     * @param fis the {@code FisAsyncClient} for the instance
     * @param cloudWatch the {@code CloudWatchAsyncClient} for the instance
     * @param clock the instance's clock
     * @return the engine
     * @throws IllegalStateException when chaos-aws is not on the class path
     */
    static ChaosEngine create(AutoCloseable fis, AutoCloseable cloudWatch, Clock clock) {
        Class<?> factory;
        try {
            factory = Class.forName(FACTORY, true, ReadyEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A FisEngine needs dev.faultline:chaos-aws on the test class path"
                    + " (add it with <scope>test</scope>).", e);
        }
        try {
            Method create = factory.getMethod("create", FisAsyncClient.class, CloudWatchAsyncClient.class, Clock.class);
            return (ChaosEngine) create.invoke(null, (FisAsyncClient) fis, (CloudWatchAsyncClient) cloudWatch, clock);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The FisEngine could not be built: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("chaos-aws on the class path has no " + FACTORY
                    + ".create(FisAsyncClient, CloudWatchAsyncClient, Clock): use the same version as chaos-testkit.", e);
        }
    }
}
