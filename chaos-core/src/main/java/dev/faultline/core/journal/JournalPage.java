package dev.faultline.core.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a run listing, newest first.
 *
 * @param runs the runs on this page
 * @param nextCursorOrNull the cursor of the next page, or null on the last page
 */
public record JournalPage(List<RunSummary> runs, String nextCursorOrNull) {

    /**
     * Checks the components and copies the list.
     *
     * @param runs the runs
     * @param nextCursorOrNull the next cursor or null
     */
    public JournalPage {
        runs = List.copyOf(runs);
    }

    /**
     * The cursor to pass to {@link JournalQuery.Builder#after(String)} for the next page.
     *
     * @return the cursor, empty on the last page
     */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursorOrNull);
    }

    /**
     * Builds a page from the runs that matched, in order, one more than the page size when
     * there is a next page.
     *
     * @param matched up to {@code limit + 1} runs, newest first
     * @param limit the page size
     * @return the page, its cursor made from its last run
     */
    public static JournalPage of(List<RunSummary> matched, int limit) {
        Objects.requireNonNull(matched, "matched");
        if (matched.size() <= limit) {
            return new JournalPage(matched, null);
        }
        List<RunSummary> page = matched.subList(0, limit);
        return new JournalPage(page, JournalCursor.of(page.get(limit - 1)).text());
    }
}
