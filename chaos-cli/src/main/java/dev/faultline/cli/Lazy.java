package dev.faultline.cli;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.Validator;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds only the subcommand a run needs. picocli reflects over every subcommand it is given and
 * creates each one, which loads and links their classes (and through them the AWS SDK, Temporal
 * and JDBC classes their code refers to); {@code faultline lint FILE} needs none of them. The
 * subcommands stay declared once, on {@link Faultline}'s {@code @Command}.
 */
final class Lazy {

    /**
     * picocli's built-in converters for {@code java.sql} types (Time, Timestamp, Connection,
     * Driver), which no option here has: registering them loads those classes at start-up.
     */
    static final String UNUSED_CONVERTERS = "java\\.sql\\..*";

    /** The subcommands that read and validate templates on the standard catalog. */
    private static final java.util.Set<String> VALIDATING = java.util.Set.of("lint", "plan", "compile", "iam", "run");

    /** A small template whose reading and validation runs the reader, the rules and the catalog once. */
    private static final String WARM_UP = "{\"description\":\"warm-up\",\"roleArn\":\"arn:aws:iam::123456789012:role/Fis\","
            + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{},"
            + "\"actions\":{\"wait\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}}}";

    private Lazy() {}

    /**
     * Starts loading the template reader, the validation rules and the action catalog on a daemon
     * thread (by reading and validating a small template) when the subcommand named by the first
     * argument validates templates: a cold start spends about as long on them as on building the
     * command line, which then happens at the same time on a second core. The shipped catalog is checked by the tests; were it broken, the command would
     * report the class that could not be initialised instead of the catalog's own message.
     *
     * @param args the arguments
     */
    static void warmUpInBackground(String... args) {
        if (args.length == 0 || !VALIDATING.contains(args[0])) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                TemplateJson.read(WARM_UP).validate(Validator.standard());
            } catch (RuntimeException | LinkageError e) {
                // the command, which uses both, fails then and says so
            }
        }, "faultline-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Sets {@code picocli.converters.excludes} to {@link #UNUSED_CONVERTERS} unless the user has set it. */
    static void skipUnusedConverters() {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
    }

    /**
     * A {@code faultline} command line that holds only the subcommand named by the first
     * argument, or empty when the first argument names none (no arguments, an option such as
     * {@code --help}, {@code help}, or a typo: those get the whole command line, which lists every
     * subcommand and suggests the nearest name).
     *
     * @param args the arguments
     * @return the command line, not yet configured
     */
    static Optional<CommandLine> single(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        Command top = Faultline.class.getAnnotation(Command.class);
        for (Class<?> sub : top.subcommands()) {
            if (sub == CommandLine.HelpCommand.class || !names(sub, args[0])) {
                continue;
            }
            skipUnusedConverters();
            CommandSpec spec = CommandSpec.wrapWithoutInspection(new Faultline())
                    .name(top.name())
                    .version(top.version())
                    .mixinStandardHelpOptions(top.mixinStandardHelpOptions());
            CommandLine cli = new CommandLine(spec);
            cli.addSubcommand(new CommandLine(sub));
            return Optional.of(cli);
        }
        return Optional.empty();
    }

    private static boolean names(Class<?> sub, String name) {
        Command command = sub.getAnnotation(Command.class);
        if (command.name().equals(name)) {
            return true;
        }
        for (String alias : command.aliases()) {
            if (alias.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
