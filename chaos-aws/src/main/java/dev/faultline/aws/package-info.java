/**
 * The AWS adapter: {@link dev.faultline.aws.FisCompiler} turns an experiment into AWS FIS SDK
 * requests and CloudFormation, {@link dev.faultline.aws.FisImporter} reads FIS answers and
 * CloudFormation documents back into experiments, and {@link dev.faultline.aws.IamPolicies}
 * derives the execution role's trust policy and a least-privilege permissions policy.
 *
 * <p>Expected failures are {@link dev.faultline.core.FaultlineException}s:
 * {@link dev.faultline.aws.CompilationException} when an experiment has errors or its
 * CloudFormation cannot be written; the engine's runs fail with the core's
 * {@code EngineException} and {@code RunRefusedException}, the AWS error kept as the cause.
 */
package dev.faultline.aws;
