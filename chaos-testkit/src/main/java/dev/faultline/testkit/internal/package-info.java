/**
 * LocalFis's plumbing, beneath the emulator and knowing nothing of it: the HTTP wire and its
 * limits, requests and messages, JSON helpers, API errors and the IAM policy simulator. The
 * emulator itself (routing, templates, experiments, target resolution, effects, CloudWatch)
 * is package-private in {@code dev.faultline.testkit}, beside the public inventory, alarms and
 * clocks it works on. Not API: it may change in any release.
 */
package dev.faultline.testkit.internal;
