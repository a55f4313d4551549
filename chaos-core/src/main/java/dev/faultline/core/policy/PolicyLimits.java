package dev.faultline.core.policy;

import java.time.Duration;

/**
 * The limits of a {@link SafetyPolicy} that its checks read for every template, without the
 * {@code Optional} each call of a generated accessor makes: each is null when the policy does not
 * set it.
 *
 * @param maxDuration {@link SafetyPolicy#maxDuration()}, or null
 * @param productionPolicy {@link SafetyPolicy#productionPolicy()}, or null
 */
record PolicyLimits(Duration maxDuration, SafetyPolicy productionPolicy) {}
