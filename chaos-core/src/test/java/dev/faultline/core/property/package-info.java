/**
 * Property tests: seeded generators feed JUnit parameterized tests, one case per seed, the seed
 * in each case's name (rerun one with {@code -Dfaultline.seed=<seed>}). Generated experiments
 * round-trip through JSON, are accepted by the validator, and mutated templates never make the
 * reader or the validator throw.
 */
package dev.faultline.core.property;
