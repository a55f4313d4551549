package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.ci.SarifReport;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline lint FILE...}: checks templates (FIS JSON or YAML, CloudFormation JSON or YAML)
 * and prints their violations and a one-line summary. Exit code 0 when no file has an ERROR (or,
 * with {@code --fail-on warning}, a WARNING), 1 when one has, 2 for usage errors or unreadable
 * files.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check FIS experiment templates against FIS's rules, the action catalog and a safety policy.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no ERROR (no WARNING either, with --fail-on warning)",
                "1:a template has an ERROR (or a WARNING, with --fail-on warning)",
                "2:usage error, or a file that is unreadable, empty or in no known format"})
final class LintCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, sarif }

    /** The least severity that fails the run. */
    enum FailOn { warning, error }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Template files: FIS JSON or YAML (the --cli-input-json shape), CloudFormation JSON or YAML"
                    + " (every AWS::FIS::ExperimentTemplate resource; FILE#LogicalId for one).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0, for GitHub code scanning; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "A safety policy: sandbox, staging, production, or a policy JSON file.")
    String policy;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "warning or error: the least severity that gives exit code 1 (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "" + TemplateJson.DEFAULT_MAX_BYTES,
            description = "Refuse files over this many bytes with an ERROR, without reading them (default: ${DEFAULT-VALUE},"
                    + " the template reader's limit; CloudFormation's 51,200 bytes inline and 1 MB limits always apply"
                    + " to CloudFormation files).")
    long maxSize;
    @Option(names = "--max-per-code", paramLabel = "N", defaultValue = "" + CappedResult.DEFAULT_MAX_PER_CODE,
            description = "Print at most N violations of one code per template and count the rest (default: ${DEFAULT-VALUE};"
                    + " 0 prints every one). The summary and the exit code count them all.")
    int maxPerCode;

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
        if (maxSize <= 0) {
            err.println("faultline lint: --max-size must be positive, was " + maxSize);
            return Faultline.USAGE;
        }
        if (maxPerCode < 0) {
            err.println("faultline lint: --max-per-code must be 0 (no cap) or more, was " + maxPerCode);
            return Faultline.USAGE;
        }
        SizeLimits limits = SizeLimits.withMax(maxSize);
        int errors = 0;
        int warnings = 0;
        boolean unreadable = false;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode report = json.createArrayNode();
        SarifReport.Builder sarif = SarifReport.builder();
        for (Path file : files) {
            TemplateInput input = TemplateInput.read(file, validator.get(), limits);
            unreadable |= input.unreadable();
            String text = format == Format.sarif && input.format() != TemplateInput.Format.TOO_LARGE ? text(file) : null;
            for (TemplateInput.Template t : input.templates()) {
                ValidationResult result = t.result();
                errors += result.errors().size();
                warnings += result.warnings().size();
                CappedResult shown = result.capped(maxPerCode);
                if (format == Format.json) {
                    report.add(toJson(json, file, input, t, shown));
                } else if (format == Format.sarif) {
                    sarif.add(uri(file), text, shown);
                } else {
                    for (Violation v : shown.violations()) {
                        out.println(line(file, v));
                    }
                    shown.omitted().forEach((code, n) -> out.println(omittedLine(file, t, code, n)));
                }
            }
        }
        String summary = files.size() + (files.size() == 1 ? " file, " : " files, ") + errors
                + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
        if (format == Format.json) {
            out.println(report.toPrettyString());
            err.println(summary);
        } else if (format == Format.sarif) {
            out.print(sarif.build().toJson());
            err.println(summary);
        } else {
            out.println(summary);
        }
        out.flush();
        err.flush();
        boolean failed = errors > 0 || (failOn == FailOn.warning && warnings > 0);
        return unreadable ? Faultline.USAGE : failed ? Faultline.FOUND_ERRORS : Faultline.OK;
    }

    /** A file as SARIF names it: relative to the working directory when under it, with forward slashes. */
    static String uri(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        if (!absolute.startsWith(here)) {
            return absolute.toUri().toString();
        }
        return here.relativize(absolute).toString().replace('\\', '/');
    }

    /** The file's text, for line and column numbers; null when it cannot be read (the reader said why). */
    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One violation as {@code file: path: SEVERITY CODE message (hint)}. */
    static String line(Path file, Violation v) {
        return file + ": " + (v.path().isEmpty() ? "/" : v.path()) + ": " + v.severity() + " " + v.code() + " "
                + v.message() + v.hint().map(h -> " (" + h + ")").orElse("");
    }

    /** The line that says how many violations of a code the cap left out. */
    private String omittedLine(Path file, TemplateInput.Template t, String code, int n) {
        return file + (t.source().isEmpty() ? "" : "#" + t.source()) + ": " + n + " more " + code + " not shown (at most "
                + maxPerCode + " per code; --max-per-code 0 shows every one)";
    }

    private static ObjectNode toJson(ObjectMapper json, Path file, TemplateInput input, TemplateInput.Template t,
            CappedResult shown) {
        ObjectNode node = json.createObjectNode();
        node.put("file", file.toString());
        node.put("format", input.format().toString());
        if (!t.source().isEmpty()) {
            node.put("resource", t.source());
        }
        ArrayNode violations = node.putArray("violations");
        for (Violation v : shown.violations()) {
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
        ObjectNode omitted = node.putObject("omitted");
        shown.omitted().forEach(omitted::put);
        return node;
    }
}
