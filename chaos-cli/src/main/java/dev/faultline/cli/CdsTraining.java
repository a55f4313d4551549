package dev.faultline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The training run for the class-data-sharing archive that the build makes next to the jar
 * ({@code java -XX:ArchiveClassesAtExit=target/faultline.jsa -cp target/faultline.jar
 * dev.faultline.cli.CdsTraining FIS.json CLOUDFORMATION.yaml}): it runs the short commands
 * ({@code lint} in each format, {@code plan}, {@code compile}, {@code iam}) on the templates
 * given, through the same lazily built command lines as {@link Faultline#main}, so that the
 * archive holds the classes a cold {@code faultline lint} or {@code plan} loads. Their output is
 * dropped; the run fails only when a command cannot run at all (exit code 2).
 */
final class CdsTraining {

    private CdsTraining() {}

    /**
     * Runs the training commands on the template files given.
     *
     * @param args a FIS template file, then any number of further template files
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: CdsTraining FIS_TEMPLATE [TEMPLATE...]");
        }
        List<String[]> runs = new ArrayList<>();
        for (String file : args) {
            runs.add(new String[] {"lint", file});
        }
        runs.add(new String[] {"lint", "--format", "json", "--policy", "staging", args[0]});
        runs.add(new String[] {"lint", "--format", "sarif", args[0]});
        runs.add(new String[] {"plan", args[0]});
        runs.add(new String[] {"compile", "--to", "cfn-yaml", args[0]});
        runs.add(new String[] {"iam", args[0]});
        for (String[] run : runs) {
            StringWriter out = new StringWriter();
            CommandLine cli = Faultline.commandLine(run);
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            if (cli.execute(run) == Faultline.USAGE) {
                throw new IllegalStateException("faultline " + String.join(" ", run) + " could not run: " + out);
            }
        }
    }
}
