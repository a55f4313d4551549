/**
 * Run reports: {@link dev.faultline.core.report.RunReport} turns an experiment and the
 * {@link dev.faultline.core.engine.RunOutcome outcome} of its run (and, when there was one, the
 * {@link dev.faultline.core.engine.Preflight preflight}) into a JSON document with a stable
 * schema, a Markdown summary and one self-contained HTML page with an SVG timeline and a chart
 * per metric series, all readable without the SDK. See {@code docs/report.md}.
 */
package dev.faultline.core.report;
