/**
 * Reads and writes the FIS experiment template JSON (the {@code --cli-input-json} and
 * GetExperimentTemplate shape) plus Faultline's {@code name}, {@code hypothesis} and
 * {@code targetAccountConfigurations}. Reading never throws: bad input gives violations.
 */
package dev.faultline.core.json;
