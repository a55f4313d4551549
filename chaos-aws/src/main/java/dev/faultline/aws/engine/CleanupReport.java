package dev.faultline.aws.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FisEngine#cleanup(java.time.Duration, boolean)} did with the experiment templates
 * that Faultline created (tagged {@code faultline:owner} with the engine's owner, the target
 * previews' templates included): the ones deleted (or, in a dry run, that would be), the ones
 * kept and why, and the ones whose deletion failed.
 *
 * @param dryRun true when nothing was deleted
 * @param deleted the templates deleted, or that a real run would delete
 * @param kept the templates kept, each with the reason
 * @param failed the templates that could not be deleted, each with the service's error
 */
public record CleanupReport(boolean dryRun, List<Template> deleted, List<Template> kept, List<Template> failed) {

    /**
     * Checks the components and copies the lists.
     *
     * @param dryRun whether nothing was deleted
     * @param deleted the deleted templates
     * @param kept the kept templates
     * @param failed the failed deletions
     */
    public CleanupReport {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        failed = List.copyOf(failed);
    }

    /**
     * One template.
     *
     * @param templateId the template id
     * @param creationTime when it was created, as the service says
     * @param note why it was kept, what failed, or its purpose ({@code run} or {@code preview})
     */
    public record Template(String templateId, Instant creationTime, String note) {
        /**
         * Checks the components.
         *
         * @param templateId the id
         * @param creationTime the creation time
         * @param note the note
         */
        public Template {
            Objects.requireNonNull(templateId, "templateId");
            Objects.requireNonNull(creationTime, "creationTime");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String toString() {
            return templateId + " (created " + creationTime + "): " + note;
        }
    }
}
