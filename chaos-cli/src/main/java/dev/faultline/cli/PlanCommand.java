package dev.faultline.cli;

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

    @Parameters(paramLabel = "FILE", description = "A template file: FIS JSON or YAML, or CloudFormation JSON or YAML (FILE#LogicalId for one resource).")
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
        TemplateInput input = TemplateInput.read(file, validator.get());
        boolean errors = false;
        for (TemplateInput.Template t : input.templates()) {
            ValidationResult result = t.result();
            if (t.read().isEmpty()) {
                for (Violation v : result.violations()) {
                    err.println(LintCommand.line(file, v));
                }
                errors = true;
                continue;
            }
            if (input.templates().size() > 1) {
                out.println("== " + t.source() + " ==");
            }
            out.println(ExperimentPlan.of(t.experiment()).render());
            if (result.hasErrors()) {
                errors = true;
                out.println();
                out.println("The template has " + result.errors().size() + " error(s); run 'faultline lint " + file + "'.");
            }
        }
        err.flush();
        out.flush();
        return input.unreadable() ? Faultline.USAGE : errors ? Faultline.FOUND_ERRORS : Faultline.OK;
    }
}
