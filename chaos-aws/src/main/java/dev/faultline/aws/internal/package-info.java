/**
 * Implementation of the AWS adapter: SDK model mapping, CloudFormation reading and writing,
 * IAM statement building. Not API: anything here may change without notice.
 */
package dev.faultline.aws.internal;
