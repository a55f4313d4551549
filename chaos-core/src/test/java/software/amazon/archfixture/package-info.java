/** Fixtures of ArchitectureRulesTest: a stand-in for the AWS SDK's packages. */
package software.amazon.archfixture;
