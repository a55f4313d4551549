/**
 * LocalFis: an in-process emulator of the AWS Fault Injection Service API and of the
 * CloudWatch alarm calls that stop conditions need, with a simulated inventory of resources,
 * a clock the caller controls, fault injection into its own API and a JUnit 5 extension.
 */
package dev.faultline.testkit;
