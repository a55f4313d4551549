/**
 * JMH benchmarks of Faultline's hot paths: reading template JSON and validating experiments.
 * Build with {@code mvn -pl benchmarks -am package -DskipTests} and run
 * {@code java -jar benchmarks/target/benchmarks.jar}; see docs/performance.md for the figures.
 * Also the engine concurrency benchmark, {@link dev.faultline.bench.EngineConcurrencyRun}:
 * many concurrent runs through one {@code FisEngine} beside a thread-per-run blocking loop.
 */
package dev.faultline.bench;
