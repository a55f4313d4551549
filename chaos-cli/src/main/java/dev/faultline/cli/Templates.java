package dev.faultline.cli;

import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.ViolationCode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the policies named on the command line (templates are read by {@link TemplateInput}). */
final class Templates {

    private Templates() {}

    /**
     * The policy named by {@code --policy}: a preset name or a JSON file.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static SafetyPolicy policy(String nameOrFile) {
        if (nameOrFile == null || nameOrFile.isEmpty()) {
            return SafetyPolicy.none();
        }
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return SafetyPolicy.load(file);
        }
        return SafetyPolicy.preset(nameOrFile);
    }

    /**
     * The standard validator on the {@code --catalog} overlay with the policy named by {@code --policy},
     * or empty after printing why the overlay or the policy cannot be loaded (the command then exits with {@link Faultline#USAGE}).
     */
    static java.util.Optional<Validator> validator(String policy, CatalogOption catalog, String command,
            java.io.PrintWriter err) {
        try {
            Validator standard = catalog.file == null ? Validator.standard() : Validator.standard().withCatalog(catalog.catalog());
            return java.util.Optional.of(policy == null ? standard : standard.with(policy(policy)));
        } catch (IllegalArgumentException | dev.faultline.core.FaultlineException e) {
            err.println("faultline " + command + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
