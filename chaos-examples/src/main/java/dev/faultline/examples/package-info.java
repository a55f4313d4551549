/**
 * Example programs that build FIS experiments with the DSL, validate them against a safety
 * policy and print their FIS JSON; each has a {@code main} and is compiled and run by the tests.
 */
package dev.faultline.examples;
