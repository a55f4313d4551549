/**
 * The workflow and activity implementations behind {@code dev.faultline.temporal}; not API. Workflow
 * code here must stay deterministic: the replay test of the recorded histories in the test
 * resources fails the build when a change would break workflows already running.
 */
package dev.faultline.temporal.internal;
