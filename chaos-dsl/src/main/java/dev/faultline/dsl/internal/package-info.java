/**
 * The implementation of the DSL's steps: the immutable data behind targets and actions, and the
 * checks of arguments against the catalog's ranges. Not API: these types may change in any
 * release; use {@link dev.faultline.dsl.Chaos} and the per-service classes instead.
 */
package dev.faultline.dsl.internal;
