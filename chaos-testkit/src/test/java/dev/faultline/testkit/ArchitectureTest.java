package dev.faultline.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.faultline.core.testing.ArchitectureRules;

/**
 * The layering rules of every module ({@link ArchitectureRules}), on chaos-testkit's main classes.
 * All but one: the emulator in {@code testkit.internal} still uses the public inventory, alarms,
 * faults and clocks of {@code testkit}, which LocalFis wires to it, so this module keeps the
 * cycle rule that counts an internal package with its parent until those values move below both.
 */
@AnalyzeClasses(packages = "dev.faultline.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = ArchitectureRules.NO_PACKAGE_CYCLES_BUT_INTERNAL_WITH_PARENT;

    @ArchTest
    static final ArchRule CORE_IS_THE_BASE = ArchitectureRules.CORE_IS_THE_BASE;

    @ArchTest
    static final ArchRule DSL_KNOWS_NO_AWS = ArchitectureRules.DSL_KNOWS_NO_AWS;

    @ArchTest
    static final ArchRule AWS_KNOWS_NO_PLATFORM = ArchitectureRules.AWS_KNOWS_NO_PLATFORM;

    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_EXAMPLES = ArchitectureRules.NOTHING_DEPENDS_ON_EXAMPLES;

    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_CLI = ArchitectureRules.NOTHING_DEPENDS_ON_CLI;

    @ArchTest
    static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE;
}
