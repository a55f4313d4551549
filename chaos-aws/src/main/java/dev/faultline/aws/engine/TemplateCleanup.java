package dev.faultline.aws.engine;

/** When the engine deletes the experiment template it created for a run. */
public enum TemplateCleanup {
    /** After every run, whatever its outcome. */
    ALWAYS,
    /** Only after a run that completed; a failed or stopped run keeps its template for study. */
    ON_SUCCESS,
    /** Never: the templates stay, tagged with the engine's owner tag. */
    NEVER
}
