/**
 * The AWS adapter: {@link dev.faultline.aws.FisCompiler} turns an experiment into AWS FIS SDK
 * requests and CloudFormation, {@link dev.faultline.aws.FisImporter} reads FIS answers and
 * CloudFormation documents back into experiments, and {@link dev.faultline.aws.IamPolicies}
 * derives the execution role's trust policy and a least-privilege permissions policy.
 */
package dev.faultline.aws;
