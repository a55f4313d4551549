/**
 * The implementation of LocalFis: HTTP routing, the FIS and CloudWatch wire formats, target
 * resolution, experiment execution and effects. Not API: it may change in any release.
 */
package dev.faultline.testkit.internal;
