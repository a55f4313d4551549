package dev.faultline.cli;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline lint PATH...}: checks templates (FIS JSON or YAML, CloudFormation JSON or YAML),
 * named one by one or found in directories, on several threads, and prints their violations in
 * the files' order and a one-line summary. Exit code 0 when no file has an ERROR (or,
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

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files: FIS JSON or YAML (the --cli-input-json shape), CloudFormation JSON or YAML"
                    + " (every AWS::FIS::ExperimentTemplate resource; FILE#LogicalId for one); or directories, walked for"
                    + " *.json, *.yaml and *.yml files, which are linted in the order of their paths.")
    List<Path> files;

    @Option(names = "--include", paramLabel = "GLOB", description = "Lint only the files found in directories that match"
            + " this glob (repeatable). A glob without '/' matches the file name, one with '/' the path under the"
            + " directory named, e.g. 'experiments/**/*.yaml'.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip the files found in directories that match this"
            + " glob (repeatable), e.g. '**/build/**' or 'package*.json'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Lint on N threads (default: one per processor, here"
            + " ${DEFAULT-VALUE}); the output is the same for every N.")
    int threads = Runtime.getRuntime().availableProcessors();

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
        if (threads < 1) {
            err.println("faultline lint: --threads must be at least 1, was " + threads);
            return Faultline.USAGE;
        }
        List<Path> found;
        try {
            found = LintFiles.of(includes, excludes).expand(files);
        } catch (IllegalArgumentException e) {
            err.println("faultline lint: a bad --include or --exclude glob: " + e.getMessage());
            return Faultline.USAGE;
        }
        if (found.isEmpty()) {
            err.println("faultline lint: no *.json, *.yaml or *.yml file in " + files
                    + (includes.isEmpty() && excludes.isEmpty() ? "" : " that --include and --exclude select") + ".");
            return Faultline.USAGE;
        }
        SizeLimits limits = SizeLimits.withMax(maxSize);
        LintReport report = new LintReport(format, out, maxPerCode);
        InOrder.apply(found, threads,
                file -> linted(file, validator.get(), limits),
                report::add);
        String summary = report.summary(found.size());
        report.finish();
        if (format == Format.text) {
            out.println(summary);
        } else {
            err.println(summary);
        }
        out.flush();
        err.flush();
        boolean failed = report.errors() > 0 || (failOn == FailOn.warning && report.warnings() > 0);
        return report.unreadable() ? Faultline.USAGE : failed ? Faultline.FOUND_ERRORS : Faultline.OK;
    }

    /**
     * One file, read and validated.
     *
     * @param file the file as found
     * @param input what it holds
     * @param text its text, for SARIF's line numbers, or null
     */
    record Linted(Path file, TemplateInput input, String text) {}

    /** Reads and validates one file; for SARIF also keeps its text, unless it is too large to read. */
    private Linted linted(Path file, Validator validator, SizeLimits limits) {
        TemplateInput input = TemplateInput.read(file, validator, limits);
        boolean keepText = format == Format.sarif && input.format() != TemplateInput.Format.TOO_LARGE;
        return new Linted(file, input, keepText ? text(file) : null);
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
}
