package dev.faultline.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one {@link LocalFis} with the defaults (a manual clock, an empty
 * inventory, a free port); test methods take {@link LocalFis}, {@link ManualClock},
 * {@link Inventory}, {@link Alarms}, {@code FisAsyncClient} or {@code CloudWatchAsyncClient}
 * parameters. For an inventory or faults, register a {@link LocalFisExtension} instead.
 *
 * <pre>{@code
 * @LocalFisTest
 * class NodeLossTest {
 *     @Test
 *     void stops(FisAsyncClient fis, Inventory inventory, ManualClock clock) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LocalFisExtension.class)
public @interface LocalFisTest {}
