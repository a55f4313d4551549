/**
 * The immutable experiment model: an {@link dev.faultline.core.model.Experiment} with its
 * targets, actions, stop conditions and options, shaped like an AWS FIS experiment template,
 * plus Faultline's own name and steady-state {@link dev.faultline.core.model.Hypothesis}.
 *
 * <p>The model holds what a template says, even when it is wrong: fields FIS requires are
 * {@code Optional} here so that a template missing them can still be read and reported by the
 * validator, which returns violations instead of throwing. Values are built with builders
 * ({@code Experiment.builder()}) and compare by value.
 */
@FaultlineStyle
package dev.faultline.core.model;

import dev.faultline.core.FaultlineStyle;
