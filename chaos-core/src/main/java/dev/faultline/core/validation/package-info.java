/**
 * Validation: rules that check an experiment against the FIS API, the action catalog, the
 * startAfter graph and a safety policy, and report {@link dev.faultline.core.validation.Violation}s
 * with a JSON Pointer path and a hint, never throwing.
 */
@FaultlineStyle
package dev.faultline.core.validation;

import dev.faultline.core.FaultlineStyle;
