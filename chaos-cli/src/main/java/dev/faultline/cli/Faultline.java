package dev.faultline.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        writeUtf8();
        CommandLine cli = commandLine(args);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Standard output and error in UTF-8, whatever the locale: under {@code LANG=C} (CI runners,
     * containers) Java 17 writes in ASCII, and every {@code →} and {@code …} of Faultline's output
     * became {@code ?}. UTF-8, as git, Go and Rust tools write, shows right on any UTF-8 terminal
     * and log viewer. The command line's own writers are UTF-8 too (picocli would otherwise
     * encode in the locale's charset before these streams see a byte).
     */
    static void writeUtf8() {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
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
