package dev.faultline.cli;

import dev.faultline.temporal.DevServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline temporal-dev}: Temporal's own Java test server as a standalone server on
 * 127.0.0.1, for workers and submissions without a cluster, until interrupted.
 */
@Command(name = "temporal-dev", mixinStandardHelpOptions = true,
        description = "Run Temporal's Java test server on 127.0.0.1 (in memory, namespace 'default', no Schedules)"
                + " for `faultline worker` and `faultline submit`, until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by an interrupt", "2:usage error, or the port is taken"})
final class TemporalDevCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7233",
            description = "The port on 127.0.0.1; 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DevServer server;
        try {
            server = DevServer.start(port);
        } catch (RuntimeException e) {
            err.println("faultline temporal-dev: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return Faultline.USAGE;
        }
        out.println("Temporal dev server listening on " + server.target() + " (namespace default, in memory)");
        out.println("Start a worker: faultline worker --temporal " + server.target() + " --endpoint URL");
        out.flush();
        UntilInterrupted.serve(server, "temporal-dev-shutdown");
        return Faultline.OK;
    }
}
