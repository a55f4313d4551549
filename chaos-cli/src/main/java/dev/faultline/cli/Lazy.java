package dev.faultline.cli;

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

    private Lazy() {}

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
