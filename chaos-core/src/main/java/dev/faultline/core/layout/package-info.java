/**
 * The source layout of a template: how its JSON was written, where that differs from what the
 * domain model holds. Today that is which collections were present but empty
 * ({@code "tags": {}} rather than no {@code tags} at all), a difference the model does not keep
 * (an experiment has no tags either way, and two such experiments are equal).
 *
 * <p>A {@link dev.faultline.core.layout.SourceLayout} travels beside the experiment: the JSON
 * reader returns it in its {@code ReadResult}, the importer of FIS answers in its
 * {@code ImportResult}. Only the code that must reproduce the source reads it: the JSON writer
 * and the SDK request mapper (so that a template read and written again keeps its empty
 * collections), and the one validation rule where FIS tells the two apart (an empty stop
 * condition list is a warning, a missing one an error), through the validation context.
 *
 * <p>Layering: this package depends on nothing else of Faultline's, so the model, the json and
 * the validation packages can all use it.
 */
package dev.faultline.core.layout;
