/**
 * The {@code faultline} command line: {@code lint} checks FIS experiment templates against FIS's
 * rules, the action catalog and a safety policy; {@code plan} prints an experiment's timeline and
 * blast radius.
 */
package dev.faultline.cli;
