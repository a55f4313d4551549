package dev.faultline.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared layering rules catch what they are for, on fixture classes built to break them. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "dev.faultline.core.testing.archfixture";

    @Test
    void noPackageCycles_twoPackagesThatUseEachOther_fails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".a", FIXTURES + ".b");

        EvaluationResult result = ArchitectureRules.NO_PACKAGE_CYCLES.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("archfixture.a", "archfixture.b");
    }

    @Test
    void noPackageCycles_aFacadeAndItsInternalPackageThatUseEachOther_fails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".c");

        EvaluationResult result = ArchitectureRules.NO_PACKAGE_CYCLES.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("archfixture.c.internal");
    }

    @Test
    void coreIsTheBase_aCoreClassUsingAnSdkType_fails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".d");

        EvaluationResult result = ArchitectureRules.CORE_IS_THE_BASE.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("KnowsTheSdk", "software.amazon.archfixture.SdkClient");
    }

    @Test
    void internalStaysInItsModule_aCoreClassUsingAnotherModulesInternalPackage_fails() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".e", "dev.faultline.archfixture.internal");

        EvaluationResult result = ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("ReachesIn", "archfixture.internal.Hidden");
    }

    @Test
    void internalStaysInItsModule_aFacadeUsingItsOwnInternalPackage_passes() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".c");

        assertThat(ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE.evaluate(classes).hasViolation()).isFalse();
    }

    @Test
    void module_isTheThirdSegmentOfAFaultlinePackage() {
        assertThat(ArchitectureRules.module("dev.faultline.testkit.internal")).isEqualTo("testkit");
        assertThat(ArchitectureRules.module("dev.faultline.core")).isEqualTo("core");
        assertThat(ArchitectureRules.module("java.util")).isEqualTo("java.util");
    }
}
