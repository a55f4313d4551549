/**
 * The {@code faultline} command line: {@code lint} checks FIS experiment templates against FIS's
 * rules, the action catalog and a safety policy; {@code plan} prints an experiment's timeline and
 * blast radius; {@code compile} writes the FIS request or a CloudFormation template; {@code iam}
 * writes the execution role's trust and permissions policies.
 */
package dev.faultline.cli;
