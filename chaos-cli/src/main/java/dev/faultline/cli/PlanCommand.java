package dev.faultline.cli;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline plan FILE}: prints the experiment's timeline and blast radius. Exit code 0
 * when the template has no ERROR, 1 when it has (the plan is still printed), 2 when it cannot
 * be read.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print an experiment's plan: action timeline, total duration, parallelism and blast radius.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:planned, no ERROR", "1:planned, but the template has an ERROR",
                "2:usage error, or the template cannot be read"})
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A template file (the --cli-input-json shape).")
    Path file;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Validator> validator = Templates.validator(null, catalog, "plan", err);
        if (validator.isEmpty()) {
            return Faultline.USAGE;
        }
        ReadResult read = Templates.read(file);
        ValidationResult result = validator.get().validate(read);
        if (read.experiment().isEmpty()) {
            for (Violation v : result.violations()) {
                err.println(LintCommand.line(file, v));
            }
            return Templates.unreadable(read) ? Faultline.USAGE : Faultline.FOUND_ERRORS;
        }
        ExperimentPlan plan = ExperimentPlan.of(read.experiment().get(), catalog.catalog());
        out.println(plan.render());
        if (result.hasErrors()) {
            out.println();
            out.println("The template has " + result.errors().size() + " error(s); run 'faultline lint " + file + "'.");
        }
        out.flush();
        return result.hasErrors() ? Faultline.FOUND_ERRORS : Faultline.OK;
    }
}
