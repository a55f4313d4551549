/**
 * The typed fluent DSL for AWS FIS experiments. Start from {@link dev.faultline.dsl.Chaos}
 * ({@code import static dev.faultline.dsl.Chaos.*;}) for experiments, targets and stop
 * conditions, and take actions from the per-service classes ({@link dev.faultline.dsl.Ec2},
 * {@link dev.faultline.dsl.Rds}, {@link dev.faultline.dsl.Network}, ...). Targets carry their
 * resource type in the Java type, so an action accepts only the targets FIS accepts; every step
 * is an immutable value; arguments are checked against the action catalog at the call; the
 * result is a core {@link dev.faultline.core.model.Experiment}. Ready-made experiments are in
 * {@link dev.faultline.dsl.Scenarios}.
 */
package dev.faultline.dsl;
