/** Fixtures of ArchitectureRulesTest: a core package that uses an AWS SDK type. */
package dev.faultline.core.testing.archfixture.d;
