/**
 * Plumbing beneath {@code dev.faultline.temporal} that knows nothing of it; not API. The workflow
 * and activity implementations live package-private in {@code dev.faultline.temporal} itself,
 * because they implement its public interfaces and the worker there registers them.
 */
package dev.faultline.temporal.internal;
