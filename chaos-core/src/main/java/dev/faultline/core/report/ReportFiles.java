package dev.faultline.core.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The three files {@link RunReport#writeTo(Path)} wrote.
 *
 * @param json {@code report.json}
 * @param markdown {@code report.md}
 * @param html {@code report.html}
 */
public record ReportFiles(Path json, Path markdown, Path html) {

    /**
     * Checks the components.
     *
     * @param json the JSON file
     * @param markdown the Markdown file
     * @param html the HTML file
     */
    public ReportFiles {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
    }
}
