/**
 * The engine SPI: how an experiment is run, watched and stopped, independent of the service
 * that runs it. A {@link dev.faultline.core.engine.ChaosEngine} starts an experiment (after
 * validation and preflight checks) and returns an {@link dev.faultline.core.engine.ExperimentRun},
 * a one-shot handle whose {@link dev.faultline.core.engine.RunState state machine} moves only
 * along legal transitions, that publishes a {@link dev.faultline.core.engine.RunEvent} after
 * every change, and whose {@code completion()} future ends with a
 * {@link dev.faultline.core.engine.RunOutcome}: the final state, each action's state and times,
 * and the {@link dev.faultline.core.engine.HypothesisVerdict hypothesis verdict}.
 *
 * <p>The AWS implementation is {@code dev.faultline.aws.engine.FisEngine}; the pure logic that
 * turns metric readings into a verdict is {@link dev.faultline.core.engine.HypothesisEvaluator}.
 */
@FaultlineStyle
package dev.faultline.core.engine;

import dev.faultline.core.FaultlineStyle;
