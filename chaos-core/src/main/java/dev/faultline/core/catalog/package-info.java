/**
 * The catalog of AWS Fault Injection Service actions, target resource types and the
 * pre-configured {@code AWSFIS-Run-*} SSM documents, read once from JSON data files under
 * {@code src/main/resources/dev/faultline/core/catalog/}.
 *
 * <p>The catalog says what FIS accepts: for each action its target keys and the resource
 * types they take, its parameters with types, ranges, defaults and enumerations, which
 * parameter carries its duration, whether its harm is reversible, the IAM permissions it
 * needs and its per-action target quota. The validator and the DSL read it through
 * {@link dev.faultline.core.catalog.Catalog#defaultCatalog()}; {@link
 * dev.faultline.core.catalog.Suggestions} turns a misspelt name into a "did you mean" hint.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.defaultCatalog();
 * ActionDefinition stop = catalog.action("aws:ec2:stop-instances").orElseThrow();
 * stop.durationParameter();                 // Optional[startInstancesAfterDuration]
 * stop.targetKeyFor("aws:ec2:instance");    // Optional[Instances]
 * Suggestions.nearest("startInstanceAfterDuration", stop.parameters().keySet(), 3);
 * }</pre>
 */
package dev.faultline.core.catalog;
