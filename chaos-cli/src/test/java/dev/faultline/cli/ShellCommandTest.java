package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShellCommandTest {

    @TempDir
    Path dir;

    @Test
    void help_listsTheShell() {
        StringWriter out = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^\\s+shell\\s+JShell with the SDK");
    }

    @Test
    @Timeout(120)
    void shell_runsAScript_withTheDslImported() throws Exception {
        Path result = dir.resolve("out.txt");
        Path script = Files.writeString(dir.resolve("s.jsh"), "Files.writeString(Path.of(\""
                + result.toString().replace("\\", "\\\\") + "\"), experiment(\"from-the-shell\").description(\"d\")"
                + ".build().name().orElseThrow());\n/exit\n");
        assertThat(Faultline.commandLine().execute("shell", script.toString())).isZero();
        assertThat(result).hasContent("from-the-shell");
    }
}
