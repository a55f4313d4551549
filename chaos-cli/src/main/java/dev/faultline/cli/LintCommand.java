package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline lint FILE...}: checks templates and prints their violations. Exit code 0 when
 * no file has an ERROR, 1 when one has, 2 for usage errors or unreadable files.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check FIS experiment templates against FIS's rules, the action catalog and a safety policy.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no ERROR", "1:a template has an ERROR", "2:usage error or unreadable file"})
final class LintCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Template files (the --cli-input-json shape).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "A safety policy: sandbox, staging, production, or a policy JSON file.")
    String policy;

    @Option(names = "--fis-input", description = "Lint as input for aws fis create-experiment-template"
            + " --cli-input-json: also warn at each field that command rejects (name, hypothesis, ...).")
    boolean fisInput;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<Validator> validator = Templates.validator(policy, catalog, "lint", err)
                .map(v -> fisInput ? v.forFisInput() : v);
        if (validator.isEmpty()) {
            return Faultline.USAGE;
        }
        boolean errors = false;
        boolean unreadable = false;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode report = json.createArrayNode();
        for (Path file : files) {
            ReadResult read = Templates.read(file);
            unreadable |= Templates.unreadable(read);
            ValidationResult result = validator.get().validate(read);
            errors |= result.hasErrors();
            if (format == Format.json) {
                report.add(toJson(json, file, result));
            } else {
                for (Violation v : result.violations()) {
                    out.println(line(file, v));
                }
            }
        }
        if (format == Format.json) {
            out.println(report.toPrettyString());
        }
        out.flush();
        return unreadable ? Faultline.USAGE : errors ? Faultline.FOUND_ERRORS : Faultline.OK;
    }

    /** One violation as {@code file: path: SEVERITY CODE message (hint)}. */
    static String line(Path file, Violation v) {
        return file + ": " + (v.path().isEmpty() ? "/" : v.path()) + ": " + v.severity() + " " + v.code() + " "
                + v.message() + v.hint().map(h -> " (" + h + ")").orElse("");
    }

    private static ObjectNode toJson(ObjectMapper json, Path file, ValidationResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("file", file.toString());
        ArrayNode violations = node.putArray("violations");
        for (Violation v : result.violations()) {
            ObjectNode o = violations.addObject();
            o.put("code", v.code());
            o.put("severity", v.severity().name());
            o.put("path", v.path());
            o.put("message", v.message());
            if (v.hint().isPresent()) {
                o.put("hint", v.hint().get());
            } else {
                o.putNull("hint");
            }
        }
        return node;
    }
}
