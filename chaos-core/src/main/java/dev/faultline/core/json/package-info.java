/**
 * Reads and writes the FIS experiment template JSON (the {@code --cli-input-json} and
 * GetExperimentTemplate shape) plus Faultline's {@code name}, {@code hypothesis} and
 * {@code targetAccountConfigurations}. Reading never throws: bad input gives violations.
 * Writing to a {@link java.io.Writer} that fails throws a
 * {@link dev.faultline.core.json.TemplateWriteException}.
 *
 * <p>Layering: this package reports its problems in the validation package's vocabulary
 * ({@code Violation}, {@code ValidationResult}) and so depends on it, never the other way:
 * {@link dev.faultline.core.json.ReadResult#validate} runs a validator over what was read.
 */
package dev.faultline.core.json;
