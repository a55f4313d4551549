package dev.faultline.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.faultline.core.testing.ArchitectureRules;

/** The layering rules of every module ({@link ArchitectureRules}), on chaos-testkit's main classes. */
@AnalyzeClasses(packages = "dev.faultline.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests LAYERING = ArchTests.in(ArchitectureRules.class);
}
