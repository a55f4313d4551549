package dev.faultline.cli;

import dev.faultline.core.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --catalog FILE} option of the commands that check templates: a catalog overlay file. */
final class CatalogOption {

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "A catalog overlay file (the catalog's own data format) for actions newer than this release;"
                    + " see docs/catalog.md.")
    Path file;

    /** The shipped catalog, with the overlay laid over it when one is named; throws CatalogException for a bad overlay. */
    Catalog catalog() {
        return file == null ? Catalog.defaultCatalog() : Catalog.withOverlay(file);
    }
}
