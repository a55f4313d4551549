/** Fixtures of ArchitectureRulesTest: the internal package of a module other than chaos-core. */
package dev.faultline.archfixture.internal;
