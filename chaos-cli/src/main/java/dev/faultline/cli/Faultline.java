package dev.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code faultline} command: the entry point that dispatches to its subcommands.
 *
 * <pre>{@code
 * faultline lint --policy staging template.json
 * faultline plan template.json
 * faultline compile --to cfn-yaml template.json
 * faultline iam --region us-east-1 template.json
 * faultline local-fis --port 4599
 * faultline shell
 * }</pre>
 */
@Command(name = "faultline", mixinStandardHelpOptions = true, version = "faultline 0.1.0-SNAPSHOT",
        description = "Chaos engineering on AWS Fault Injection Service: lint, plan and compile experiment templates,"
                + " derive their IAM policies, and run LocalFis, a local FIS emulator.",
        subcommands = {LintCommand.class, PlanCommand.class, CompileCommand.class, IamCommand.class,
                LocalFisCommand.class, RunCommand.class, DemoCommand.class, CleanupCommand.class, HistoryCommand.class,
                CatalogCommand.class, ShellCommand.class, WorkerCommand.class, SubmitCommand.class, ScheduleCommand.class,
                TemporalDevCommand.class, CommandLine.HelpCommand.class})
public final class Faultline implements Runnable {

    /** Exit code: the command ran and found no error. */
    public static final int OK = 0;
    /** Exit code: a template has an ERROR. */
    public static final int FOUND_ERRORS = 1;
    /** Exit code: bad usage, or a file that cannot be read. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Lazy.warmUpInBackground(args);
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line, set up with Faultline's exit codes (usage errors give 2).
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        Lazy.skipUnusedConverters();
        return configured(new CommandLine(new Faultline()));
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, a command line
     * that holds that subcommand alone (see {@link Lazy}), else the whole one.
     *
     * @param args the arguments the command line will execute
     * @return a new command line
     */
    static CommandLine commandLine(String... args) {
        return Lazy.single(args).map(Faultline::configured).orElseGet(Faultline::commandLine);
    }

    private static CommandLine configured(CommandLine cli) {
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: demo, run, history, lint, plan, compile, iam, catalog, local-fis, cleanup, worker,"
                        + " submit, schedule, temporal-dev or shell.");
    }
}
