/**
 * Faultline's core: the experiment model, FIS template JSON, the action catalog, validation,
 * safety policies and plans, with no dependency on the AWS SDK.
 *
 * <p>Subpackages: {@code model} (immutable experiment values), {@code json} (read and write the
 * FIS template JSON), {@code catalog} (FIS actions and resource types as data),
 * {@code validation} (rules that return violations), {@code policy} (safety policies) and
 * {@code plan} (timeline and blast radius).
 */
package dev.faultline.core;
