/** Fixtures of ArchitectureRulesTest: a core package that reaches into another module's internal package. */
package dev.faultline.core.testing.archfixture.e;
