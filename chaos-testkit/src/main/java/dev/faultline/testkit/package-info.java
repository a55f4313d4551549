/**
 * LocalFis: an in-process emulator of the AWS Fault Injection Service API and of the
 * CloudWatch alarm calls that stop conditions need, with a simulated inventory of resources,
 * a clock the caller controls, fault injection into its own API and a JUnit 5 extension.
 *
 * <p>Expected failures are {@link dev.faultline.core.FaultlineException}s:
 * {@link dev.faultline.testkit.LocalFisException} when the port cannot be bound,
 * {@link dev.faultline.testkit.InventoryException} when an inventory file cannot be read or is
 * not an inventory (nothing of it is added then).
 */
package dev.faultline.testkit;
