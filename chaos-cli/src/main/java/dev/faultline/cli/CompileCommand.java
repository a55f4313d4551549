package dev.faultline.cli;

import dev.faultline.aws.CloudFormationStack;
import dev.faultline.aws.CompilationException;
import dev.faultline.aws.FisCompiler;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline compile FILE --to json|cfn-json|cfn-yaml}: writes the CreateExperimentTemplate
 * request ({@code --cli-input-json} of {@code aws fis create-experiment-template}) or a
 * CloudFormation template to standard output. Exit code 0 when written, 1 when the template has
 * an ERROR or the CloudFormation template would be over CloudFormation's 1 MB limit (nothing is
 * written), 2 for usage errors or unreadable files.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile an experiment template to the FIS request JSON or to CloudFormation (JSON or YAML).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:compiled", "1:the template has an ERROR; nothing was written",
                "2:usage error or unreadable file"})
final class CompileCommand implements Callable<Integer> {

    /** Output forms. */
    enum Form {
        json("json"), cfnJson("cfn-json"), cfnYaml("cfn-yaml");

        private final String text;

        Form(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Parameters(paramLabel = "FILE", description = "A template file: FIS JSON or YAML, or CloudFormation JSON or YAML (FILE#LogicalId for one resource).")
    Path file;

    @Option(names = "--to", defaultValue = "json", converter = FormConverter.class,
            description = "json (the FIS request), cfn-json or cfn-yaml (a deployable stack: placeholders become"
                    + " AWS::AccountId, AWS::Region or template Parameters);"
                    + " default: ${DEFAULT-VALUE}.")
    Form to;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "Also refuse what this safety policy forbids: sandbox, staging, production, or a policy JSON file.")
    String policy;

    @Option(names = "--with-role",
            description = "cfn-json/cfn-yaml: add the execution role (AWS::IAM::Role, least privilege) and point the"
                    + " template at it; deploying needs CAPABILITY_IAM.")
    boolean withRole;

    @Option(names = "--with-alarms",
            description = "cfn-json/cfn-yaml: add a CloudWatch alarm per metric stop condition (a composite alarm where"
                    + " one combines several) and point the template's stop conditions at them.")
    boolean withAlarms;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Validator> validator = Templates.validator(policy, catalog, "compile", err);
        if (validator.isEmpty()) {
            return Faultline.USAGE;
        }
        Checked checked = Checked.read(file, validator.get(), err);
        err.flush();
        if (checked.experiment().isEmpty()) {
            return checked.exitCode();
        }
        Experiment e = checked.experiment().get();
        FisCompiler compiler = FisCompiler.create().withValidator(validator.get());
        String text;
        if (to == Form.json) {
            if (withRole || withAlarms) {
                err.println("--with-role and --with-alarms need --to cfn-json or cfn-yaml: the FIS request names an"
                        + " existing role and existing alarms.");
                err.flush();
                return Faultline.USAGE;
            }
            try {
                text = compiler.createRequestJson(e, checked.layout());
            } catch (CompilationException refused) {
                refused.violations().violations().forEach(v -> err.println(LintCommand.line(file, v)));
                err.println("Nothing was written.");
                err.flush();
                return Faultline.FOUND_ERRORS;
            }
        } else {
            CloudFormationStack stack = compiler.cloudFormationStack(e, checked.layout());
            stack = withRole ? stack.withRole() : stack;
            stack = withAlarms ? stack.withAlarms() : stack;
            text = to == Form.cfnJson ? stack.json() : stack.yaml();
        }
        if (to != Form.json) {
            List<Violation> size = SizeLimits.cloudFormation(text.getBytes(StandardCharsets.UTF_8).length,
                    "The compiled CloudFormation template");
            size.forEach(v -> err.println(LintCommand.line(file, v)));
            err.flush();
            if (size.stream().anyMatch(v -> v.severity() == Severity.ERROR)) {
                err.println("Nothing was written.");
                err.flush();
                return Faultline.FOUND_ERRORS;
            }
        }
        out.print(text);
        out.flush();
        return Faultline.OK;
    }

    /** Reads {@code json}, {@code cfn-json} and {@code cfn-yaml}. */
    static final class FormConverter implements CommandLine.ITypeConverter<Form> {
        @Override
        public Form convert(String value) {
            for (Form f : Form.values()) {
                if (f.text.equals(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("expected json, cfn-json or cfn-yaml, was '" + value + "'");
        }
    }
}
