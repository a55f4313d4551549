package dev.faultline.core.validation;

import dev.faultline.core.catalog.Catalog;
import java.util.Objects;

/** What rules may consult while checking an experiment: the action catalog. */
public final class ValidationContext {

    private final Catalog catalog;

    private ValidationContext(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A context on a catalog.
     *
     * @param catalog the catalog of FIS actions and resource types
     * @return the context
     */
    public static ValidationContext of(Catalog catalog) {
        return new ValidationContext(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * The catalog of FIS actions and resource types.
     *
     * @return the catalog
     */
    public Catalog catalog() {
        return catalog;
    }
}
