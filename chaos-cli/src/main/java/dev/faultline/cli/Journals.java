package dev.faultline.cli;

import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.jdbc.JdbcRunJournal;
import java.nio.file.Path;

/** Opens the run journal a {@code --journal URL} names. */
final class Journals {

    /** The journal {@code demo} writes and {@code history} reads when given none. */
    static final String DEFAULT = "jdbc:sqlite:faultline-reports/journal.db";

    private Journals() {}

    /**
     * Opens a journal.
     *
     * @param url {@code file:DIR}, {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}
     * @return the journal
     * @throws IllegalArgumentException for another kind of URL
     * @throws dev.faultline.core.journal.JournalException when it cannot be opened
     */
    static RunJournal open(String url) {
        if (url.startsWith("file:")) {
            return FileRunJournal.open(Path.of(url.substring("file:".length())));
        }
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                parent.toFile().mkdirs();
            }
            return JdbcRunJournal.open(url);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return JdbcRunJournal.open(url);
        }
        throw new IllegalArgumentException("--journal " + url + " is not a journal URL: use file:DIR, "
                + "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=NAME");
    }
}
