/**
 * {@link dev.faultline.aws.engine.FisEngine}: runs experiments in AWS Fault Injection Service
 * (or LocalFis) safely. It validates, checks before the start (stop-condition alarms, a
 * target preview, the role's permissions, the steady state), creates the template and starts
 * the experiment with client tokens, watches it with adaptive polling through one rate
 * limiter and a retry with jittered backoff, publishes events, stops on request, on timeout
 * and at JVM shutdown, judges the hypothesis from CloudWatch metrics and cleans up.
 *
 * <p>Classes that are not public here are implementation details.
 */
@FaultlineStyle
package dev.faultline.aws.engine;

import dev.faultline.core.FaultlineStyle;
