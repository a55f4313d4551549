/**
 * Safety policies: organisational rules on top of FIS's own, such as how much of a fleet an
 * experiment may touch, that an alarm must be able to stop it, how long it may run, which
 * actions and accounts it may use, and stricter rules when it touches production. A
 * {@link dev.faultline.core.policy.SafetyPolicy} is an immutable value, a
 * {@link dev.faultline.core.validation.ValidationRule} that reports violations and never throws,
 * composable with {@code and(..)}, readable from and writable to JSON, with the presets
 * {@code sandbox}, {@code staging} and {@code production} shipped as data files.
 */
@FaultlineStyle
package dev.faultline.core.policy;

import dev.faultline.core.FaultlineStyle;
