/** Fixtures of ArchitectureRulesTest: classes whose package graph the layering rules must judge. */
package dev.faultline.core.testing.archfixture.a;
