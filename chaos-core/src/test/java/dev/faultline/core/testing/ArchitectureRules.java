package dev.faultline.core.testing;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering rules every Faultline module keeps, written once. They hold for any set of
 * classes, so each module runs all of them on its own main classes with a few lines:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.faultline.aws", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests LAYERING = ArchTests.in(ArchitectureRules.class);
 * }
 * }</pre>
 *
 * <p>(test dependencies: {@code chaos-core} with {@code <type>test-jar</type>} and
 * {@code com.tngtech.archunit:archunit-junit5}). A rule about a module that is not among the
 * analysed classes (the chaos-core rule in chaos-aws, say) passes trivially there.
 */
public final class ArchitectureRules {

    /** The package of every module's root: {@code dev.faultline.<module>}. */
    private static final String ROOT = "dev.faultline.";

    private ArchitectureRules() {}

    /**
     * No cycles between packages, counting an {@code internal} package apart from the package
     * above it: the public facade calls its internals, and the internals build nothing of the
     * facade's (they hand back their own values, which the facade turns into public ones).
     * Every package is its own unit, and so are the packages of different modules.
     */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new PackageUnits())
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("a package graph without cycles can be read, tested and split bottom-up");

    /** chaos-core is the base: it knows no AWS SDK, DSL, AWS adapter, testkit, CLI, JDBC or Temporal type. */
    @ArchTest
    public static final ArchRule CORE_IS_THE_BASE = noClasses().that().resideInAPackage("dev.faultline.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "dev.faultline.dsl..", "dev.faultline.aws..", "dev.faultline.testkit..",
                    "dev.faultline.cli..", "dev.faultline.examples..", "dev.faultline.jdbc..",
                    "dev.faultline.temporal..", "io.temporal..", "org.flywaydb..", "picocli..")
            .allowEmptyShould(true)
            .because("tools that only lint or transform templates need nothing but chaos-core (DESIGN.md)");

    /** chaos-dsl builds core models only: no AWS SDK type, no AWS adapter. */
    @ArchTest
    public static final ArchRule DSL_KNOWS_NO_AWS = noClasses().that().resideInAPackage("dev.faultline.dsl..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "dev.faultline.aws..")
            .allowEmptyShould(true)
            .because("the DSL builds core models; compiling them for AWS is chaos-aws's work");

    /** chaos-aws reaches JDBC and Temporal only through core's SPIs. */
    @ArchTest
    public static final ArchRule AWS_KNOWS_NO_PLATFORM = noClasses().that().resideInAPackage("dev.faultline.aws..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.faultline.jdbc..", "dev.faultline.temporal..", "io.temporal..", "org.flywaydb..")
            .allowEmptyShould(true)
            .because("core and aws reach JDBC and Temporal through SPIs in core (DESIGN.md)");

    /** Nothing depends on chaos-examples: it is a program, not a library. */
    @ArchTest
    public static final ArchRule NOTHING_DEPENDS_ON_EXAMPLES = noClasses()
            .that().resideOutsideOfPackage("dev.faultline.examples..")
            .should().dependOnClassesThat().resideInAPackage("dev.faultline.examples..")
            .allowEmptyShould(true)
            .because("chaos-examples is a set of programs at the top of the graph, not a library");

    /** Nothing depends on chaos-cli: it is a program, not a library. */
    @ArchTest
    public static final ArchRule NOTHING_DEPENDS_ON_CLI = noClasses()
            .that().resideOutsideOfPackage("dev.faultline.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.faultline.cli..")
            .allowEmptyShould(true)
            .because("chaos-cli is a program at the top of the graph, not a library");

    /** An {@code internal} package is used only from its own module. */
    @ArchTest
    public static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().that().resideInAPackage("dev.faultline..")
            .should(new ArchCondition<JavaClass>("use no internal package of another module") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String module = module(item.getPackageName());
                    for (Dependency d : item.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        if (target.startsWith(ROOT) && isInternal(target) && !module(target).equals(module)) {
                            events.add(violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true)
            .because("internal packages are not API and may change without notice (STYLE.md)");

    /**
     * The module a Faultline package belongs to: its third segment ({@code core} of
     * {@code dev.faultline.core.json}).
     *
     * @param packageName the package
     * @return the module's segment, or the package itself outside Faultline
     */
    static String module(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return packageName;
        }
        int end = packageName.indexOf('.', ROOT.length());
        return end < 0 ? packageName.substring(ROOT.length()) : packageName.substring(ROOT.length(), end);
    }

    private static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    /** Puts each Faultline package, an internal one too, in its own unit; other classes in none. */
    private static final class PackageUnits implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith(ROOT) ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "Faultline packages";
        }
    }
}
