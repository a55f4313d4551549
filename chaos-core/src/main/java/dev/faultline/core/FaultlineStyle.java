package dev.faultline.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of Faultline's value types.
 *
 * <p>The generated implementation is package-private and {@code build()} returns the public
 * abstract type; collections are JDK collections; plural attributes get singular adders
 * ({@code targets()} gives {@code putTarget(..)}); every builder has {@code clear()}, which
 * resets all its attributes so that it can build another value (the template reader reuses its
 * builders that way).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        depluralize = true,
        depluralizeDictionary = {"startAfter:startAfter", "phases:phase"},
        get = {"is*", "get*"},
        clearBuilder = true,
        defaults = @Value.Immutable(copy = true))
public @interface FaultlineStyle {}
