package dev.faultline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.catalog.TargetKeyDefinition;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline catalog list [--format text|json]}: prints the action and resource-type
 * catalog that validation, planning and IAM derivation use; {@code faultline catalog diff}
 * compares it with what a FIS endpoint lists and can write the differences as a catalog overlay.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Show the FIS action and target resource-type catalog Faultline checks against.",
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.DiffCommand.class})
final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: list or diff.");
    }

    /** {@code catalog list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every action (targets, parameters) and resource type of the catalog.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:printed", "2:usage error"})
    static final class ListCommand implements Callable<Integer> {

        /** Output formats. */
        enum Format { text, json }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Catalog catalog = Catalog.defaultCatalog();
            if (format == Format.json) {
                out.println(json(catalog).toPrettyString());
            } else {
                text(catalog, out);
            }
            out.flush();
            return Faultline.OK;
        }

        /** The catalog as JSON: {@code {"actions": [...], "resourceTypes": [...]}}, sorted by id. */
        static ObjectNode json(Catalog catalog) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode actions = root.putArray("actions");
            for (ActionDefinition a : sortedActions(catalog)) {
                ObjectNode n = actions.addObject();
                n.put("id", a.id());
                n.put("description", a.description());
                ObjectNode targets = n.putObject("targets");
                for (TargetKeyDefinition t : a.targets().values()) {
                    t.resourceTypes().forEach(targets.putArray(t.key())::add);
                }
                ArrayNode parameters = n.putArray("parameters");
                for (ParameterDefinition p : a.parameters().values()) {
                    parameters.addObject().put("name", p.name()).put("type", p.type().name().toLowerCase(java.util.Locale.ROOT))
                            .put("required", p.required()).put("description", p.description());
                }
                n.put("reversible", a.reversible());
                n.put("deprecated", a.deprecated());
            }
            ArrayNode types = root.putArray("resourceTypes");
            List<ResourceTypeDefinition> sorted = new ArrayList<>(catalog.resourceTypes());
            sorted.sort(java.util.Comparator.comparing(ResourceTypeDefinition::type));
            for (ResourceTypeDefinition r : sorted) {
                types.addObject().put("type", r.type()).put("description", r.description());
            }
            return root;
        }

        private static List<ActionDefinition> sortedActions(Catalog catalog) {
            List<ActionDefinition> sorted = new ArrayList<>(catalog.actions());
            sorted.sort(java.util.Comparator.comparing(ActionDefinition::id));
            return sorted;
        }

        private static void text(Catalog catalog, PrintWriter out) {
            List<ActionDefinition> actions = sortedActions(catalog);
            out.println("Actions (" + actions.size() + "):");
            for (ActionDefinition a : actions) {
                List<String> targets = new ArrayList<>();
                a.targets().values().forEach(t -> targets.add(t.key() + "=" + String.join("|", t.resourceTypes())));
                List<String> parameters = new ArrayList<>();
                a.parameters().values().forEach(p -> parameters.add(p.name() + (p.required() ? "*" : "")));
                out.println("  " + a.id() + (a.deprecated() ? " (deprecated)" : "")
                        + (targets.isEmpty() ? "" : "  targets: " + String.join(", ", targets))
                        + (parameters.isEmpty() ? "" : "  parameters: " + String.join(", ", parameters)));
            }
            List<ResourceTypeDefinition> types = new ArrayList<>(catalog.resourceTypes());
            types.sort(java.util.Comparator.comparing(ResourceTypeDefinition::type));
            out.println("Resource types (" + types.size() + "):");
            types.forEach(r -> out.println("  " + r.type()));
            out.println("(* = required parameter)");
        }
    }

    /** {@code catalog diff}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare the catalog with what FIS lists (ListActions, GetAction, ListTargetResourceTypes).",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:no difference", "1:differences found", "2:usage error or unreachable service"})
    static final class DiffCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--endpoint", paramLabel = "URL", description = "The FIS endpoint, e.g. LocalFis's.")
        java.net.URI endpoint;

        @Option(names = "--profile", paramLabel = "NAME", description = "A named AWS profile.")
        String profile;

        @Option(names = "--region", description = "The AWS Region (default: from the environment or profile).")
        String region;

        @Option(names = "--overlay", paramLabel = "FILE",
                description = "Write what the service lists and the catalog lacks as a catalog overlay file (the catalog's"
                        + " own data format, for --catalog).")
        java.nio.file.Path overlay;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AwsClients clients = new AwsClients(endpoint, profile, region)) {
                dev.faultline.aws.CatalogDrift drift = dev.faultline.aws.CatalogDrift
                        .compare(clients.fis(), Catalog.defaultCatalog()).join();
                drift.lines().forEach(out::println);
                out.println(drift.isEmpty() ? "The catalog matches the service." : drift.lines().size() + " difference(s).");
                if (overlay != null) {
                    java.nio.file.Files.writeString(overlay, drift.overlayJson());
                    out.println("Overlay: " + overlay);
                }
                out.flush();
                return drift.isEmpty() ? Faultline.OK : Faultline.FOUND_ERRORS;
            } catch (java.util.concurrent.CompletionException | java.io.IOException
                    | software.amazon.awssdk.core.exception.SdkException e) {
                Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException
                        ? e.getCause() : e;
                err.println("faultline catalog diff: " + cause.getMessage());
                err.flush();
                return Faultline.USAGE;
            }
        }
    }
}
