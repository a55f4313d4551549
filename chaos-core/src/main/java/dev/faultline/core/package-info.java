/**
 * Faultline's core: the experiment model, FIS template JSON, the action catalog, validation,
 * safety policies and plans, with no dependency on the AWS SDK.
 *
 * <p>Subpackages: {@code model} (immutable experiment values), {@code json} (read and write the
 * FIS template JSON), {@code catalog} (FIS actions and resource types as data),
 * {@code validation} (rules that return violations), {@code policy} (safety policies) and
 * {@code plan} (timeline and blast radius).
 *
 * <h2>Errors</h2>
 * Bad input is reported, not thrown: reading a template and validating an experiment return
 * violations. An expected failure at a boundary (a file that cannot be read or written, data
 * that cannot be serialised, a run refused, a service error) is thrown as one unchecked
 * family rooted at {@link dev.faultline.core.FaultlineException}; each subtype carries its
 * data and keeps the underlying error as the cause, and futures complete exceptionally with
 * it. No public method lets a bare {@code UncheckedIOException} or
 * {@code IllegalStateException} escape for such a failure ({@code IllegalArgumentException}
 * and {@code NullPointerException} still mean a bad argument in the caller's code).
 * <ul>
 *   <li>{@link dev.faultline.core.json.TemplateWriteException}: a template could not be written
 *       (the experiment's name);</li>
 *   <li>{@link dev.faultline.core.catalog.CatalogException}: catalog data that cannot be read or
 *       is not valid;</li>
 *   <li>{@link dev.faultline.core.policy.PolicyException}: a safety policy that cannot be read
 *       (its problems);</li>
 *   <li>{@link dev.faultline.core.report.ReportException}: a run report that cannot be
 *       written;</li>
 *   <li>{@link dev.faultline.core.engine.EngineException} and
 *       {@link dev.faultline.core.engine.RunRefusedException}: a run that failed or was refused
 *       (the preflight);</li>
 *   <li>in other modules: {@code dev.faultline.aws.CompilationException} (the violations),
 *       {@code dev.faultline.testkit.LocalFisException} (the port) and
 *       {@code dev.faultline.testkit.InventoryException} (the file).</li>
 * </ul>
 */
package dev.faultline.core;
