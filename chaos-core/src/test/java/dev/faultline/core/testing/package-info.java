/**
 * Test fixtures shared by the test suites and the benchmarks: the corpus of real FIS templates,
 * seeded generators of experiments ({@link dev.faultline.core.testing.ExperimentGenerator}),
 * seeded mutations of template JSON ({@link dev.faultline.core.testing.JsonMutator}) and the
 * seeds of property-test cases ({@link dev.faultline.core.testing.Seeds}).
 */
package dev.faultline.core.testing;
