package dev.faultline.cli;

import dev.faultline.aws.FisCompiler;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.model.Experiment;
import java.io.PrintWriter;
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
 * an ERROR (nothing is written), 2 for usage errors or unreadable files.
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

    @Parameters(paramLabel = "FILE", description = "A template file (the --cli-input-json shape).")
    Path file;

    @Option(names = "--to", defaultValue = "json", converter = FormConverter.class,
            description = "json (the FIS request), cfn-json or cfn-yaml (an AWS::FIS::ExperimentTemplate resource);"
                    + " default: ${DEFAULT-VALUE}.")
    Form to;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "Also refuse what this safety policy forbids: sandbox, staging, production, or a policy JSON file.")
    String policy;

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
        switch (to) {
            case cfnJson:
                out.print(compiler.cloudFormationJson(e));
                break;
            case cfnYaml:
                out.print(compiler.cloudFormationYaml(e));
                break;
            default:
                out.print(compiler.createRequestJson(e));
                break;
        }
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
