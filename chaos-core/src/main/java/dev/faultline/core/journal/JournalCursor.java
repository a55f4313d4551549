package dev.faultline.core.journal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of a newest-first listing ended: the last run's start (epoch milliseconds) and
 * id. The next page holds the runs that sort after it, so runs journaled meanwhile neither
 * shift nor repeat a page (keyset paging, not an offset).
 *
 * @param startedAtMillis the last run's start, in epoch milliseconds
 * @param runId the last run's id
 */
public record JournalCursor(long startedAtMillis, String runId) {

    /**
     * Checks the components.
     *
     * @param startedAtMillis the start
     * @param runId the run id
     */
    public JournalCursor {
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * The cursor just after a run.
     *
     * @param run the last run of a page
     * @return the cursor
     */
    public static JournalCursor of(RunSummary run) {
        return new JournalCursor(run.startedAt().toEpochMilli(), run.runId());
    }

    /**
     * Reads a cursor's text.
     *
     * @param text what {@link #text()} gave
     * @return the cursor
     * @throws IllegalArgumentException when the text is not a journal cursor
     */
    public static JournalCursor parse(String text) {
        Objects.requireNonNull(text, "text");
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a journal cursor: '" + text + "' (pass the nextCursor of a page)", e);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw new IllegalArgumentException("Not a journal cursor: '" + text + "' (pass the nextCursor of a page)");
        }
        try {
            return new JournalCursor(Long.parseLong(decoded.substring(0, slash)), decoded.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a journal cursor: '" + text + "' (pass the nextCursor of a page)", e);
        }
    }

    /**
     * The cursor as opaque text.
     *
     * @return URL-safe Base64 text
     */
    public String text() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((startedAtMillis + "/" + runId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Tells whether a run sorts after this cursor in a newest-first listing.
     *
     * @param run the run
     * @return true when the run is older, or as old with a smaller id
     */
    public boolean precedes(RunSummary run) {
        long millis = run.startedAt().toEpochMilli();
        return millis < startedAtMillis || millis == startedAtMillis && run.runId().compareTo(runId) < 0;
    }
}
