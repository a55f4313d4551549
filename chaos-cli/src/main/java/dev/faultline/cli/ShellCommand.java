package dev.faultline.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline shell [SCRIPT.jsh...]}: JShell with the SDK on the class path and the DSL
 * imported (the startup script of {@code chaos-examples/jshell}), in this JVM. The
 * {@code ./faultline} script starts it from the sources without building the command line.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "JShell with the SDK on the class path and the DSL imported; runs the given scripts first.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"JShell's: 0 after /exit, the code given to /exit otherwise"})
final class ShellCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCRIPT", arity = "0..*", description = "JShell scripts (.jsh) to run first.")
    List<String> scripts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path startup = Files.createTempFile("faultline-startup", ".jsh");
        startup.toFile().deleteOnExit();
        try (InputStream in = ShellCommand.class.getResourceAsStream("faultline-startup.jsh")) {
            if (in == null) {
                throw new IllegalStateException("faultline-startup.jsh is missing from the command line's jar");
            }
            Files.copy(in, startup, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> args = new ArrayList<>(List.of("--class-path", ownClassPath(),
                "--startup", "DEFAULT", "--startup", startup.toString()));
        args.addAll(scripts);
        return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
    }

    /** This JVM's class path: the command line's jar, which holds the SDK. */
    private static String ownClassPath() {
        return System.getProperty("java.class.path");
    }
}
