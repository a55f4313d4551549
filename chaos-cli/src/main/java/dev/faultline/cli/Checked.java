package dev.faultline.cli;

import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and validates a template for the commands that refuse one with an ERROR. */
final class Checked {

    private final Experiment experiment;
    private final SourceLayout layout;
    private final int exitCode;

    private Checked(Experiment experiment, int exitCode) {
        this(experiment, SourceLayout.NONE, exitCode);
    }

    private Checked(Experiment experiment, SourceLayout layout, int exitCode) {
        this.experiment = experiment;
        this.layout = layout;
        this.exitCode = exitCode;
    }

    /**
     * Reads and validates a file, printing every violation to {@code err} (warnings too).
     * The experiment is present only when the file could be read and has no ERROR.
     */
    static Checked read(Path file, PrintWriter err) {
        return read(file, Validator.standard(), err);
    }

    /** As {@link #read(Path, PrintWriter)}, with a given validator (one with a safety policy, say). */
    static Checked read(Path file, Validator validator, PrintWriter err) {
        TemplateInput input = TemplateInput.read(file, validator);
        for (TemplateInput.Template t : input.templates()) {
            for (Violation v : t.result().violations()) {
                err.println(LintCommand.line(file, v));
            }
        }
        if (input.unreadable()) {
            return new Checked(null, Faultline.USAGE);
        }
        Optional<TemplateInput.Template> single = input.single(err);
        if (single.isEmpty()) {
            return new Checked(null, Faultline.USAGE);
        }
        ValidationResult result = single.get().result();
        if (result.hasErrors() || single.get().read().isEmpty()) {
            err.println("The template has " + result.errors().size() + " error(s); nothing was written.");
            return new Checked(null, Faultline.FOUND_ERRORS);
        }
        return new Checked(single.get().experiment(), single.get().layout(), Faultline.OK);
    }

    Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    /** The collections the file held present but empty, for writers that give the file back. */
    SourceLayout layout() {
        return layout;
    }

    int exitCode() {
        return exitCode;
    }
}
