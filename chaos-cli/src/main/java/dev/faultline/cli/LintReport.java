package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.ci.SarifReport;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code faultline lint} prints, file after file in the order given: a line per violation
 * (text, printed at once), or one JSON array or one SARIF log printed by {@link #finish()}; and
 * the counts for the summary and the exit code. Only the format asked for is built, so a text
 * run loads no JSON writer.
 */
final class LintReport {

    private final LintCommand.Format format;
    private final PrintWriter out;
    private final int maxPerCode;
    private ObjectMapper json;
    private ArrayNode array;
    private SarifReport.Builder sarif;
    private int errors;
    private int warnings;
    private boolean unreadable;

    LintReport(LintCommand.Format format, PrintWriter out, int maxPerCode) {
        this.format = format;
        this.out = out;
        this.maxPerCode = maxPerCode;
        if (format == LintCommand.Format.json) {
            json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            array = json.createArrayNode();
        } else if (format == LintCommand.Format.sarif) {
            sarif = SarifReport.builder();
        }
    }

    /** Adds one file's findings. */
    void add(LintCommand.Linted linted) {
        TemplateInput input = linted.input();
        unreadable |= input.unreadable();
        for (TemplateInput.Template t : input.templates()) {
            ValidationResult result = t.result();
            errors += result.errors().size();
            warnings += result.warnings().size();
            CappedResult shown = result.capped(maxPerCode);
            if (format == LintCommand.Format.json) {
                array.add(toJson(linted, t, shown));
            } else if (format == LintCommand.Format.sarif) {
                sarif.add(LintCommand.uri(linted.file()), linted.text(), shown);
            } else {
                for (Violation v : shown.violations()) {
                    out.println(LintCommand.line(linted.file(), v));
                }
                shown.omitted().forEach((code, n) -> out.println(omittedLine(linted.file(), t, code, n)));
            }
        }
    }

    /** Prints the JSON array or the SARIF log; nothing for text, whose lines are out already. */
    void finish() {
        if (format == LintCommand.Format.json) {
            out.println(array.toPrettyString());
        } else if (format == LintCommand.Format.sarif) {
            out.print(sarif.build().toJson());
        }
    }

    /** The one-line summary: {@code N files, E errors, W warnings}. */
    String summary(int files) {
        return files + (files == 1 ? " file, " : " files, ") + errors + (errors == 1 ? " error, " : " errors, ")
                + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    int errors() {
        return errors;
    }

    int warnings() {
        return warnings;
    }

    /** Tells whether a file could not be read, was empty or in no known format. */
    boolean unreadable() {
        return unreadable;
    }

    /** The line that says how many violations of a code the cap left out. */
    private String omittedLine(Path file, TemplateInput.Template t, String code, int n) {
        return file + (t.source().isEmpty() ? "" : "#" + t.source()) + ": " + n + " more " + code + " not shown (at most "
                + maxPerCode + " per code; --max-per-code 0 shows every one)";
    }

    private ObjectNode toJson(LintCommand.Linted linted, TemplateInput.Template t, CappedResult shown) {
        ObjectNode node = json.createObjectNode();
        node.put("file", linted.file().toString());
        node.put("format", linted.input().format().toString());
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
