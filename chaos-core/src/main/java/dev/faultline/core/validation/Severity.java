package dev.faultline.core.validation;

/** How serious a violation is. */
public enum Severity {
    /** FIS would reject the template, or the experiment cannot run; or a policy forbids it. */
    ERROR,
    /** Risky or unverifiable: worth a look, but not a reason to refuse. */
    WARNING
}
