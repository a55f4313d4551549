package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalFisCommandTest {

    @TempDir
    Path dir;

    @Test
    void localFis_servesTheFisApi_withTheInventoryFile_untilInterrupted() throws Exception {
        Path inventory = dir.resolve("fleet.json");
        Files.writeString(inventory, "{\"resources\":[{\"type\":\"aws:ec2:instance\",\"id\":\"i-1\","
                + "\"tags\":{\"Env\":\"prod\"},\"attributes\":{\"State\":{\"Name\":\"running\"}}}]}");
        StringWriter out = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(cli.execute("local-fis", "--inventory", inventory.toString(),
                "--speed", "1200")));
        server.start();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher("");
        for (int i = 0; i < 1000 && !m.reset(out.toString()).find(); i++) {
            Thread.sleep(10);
        }
        assertThat(out.toString()).contains("1 resources");
        HttpResponse<String> actions = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/actions/aws:ec2:stop-instances")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(actions.statusCode()).isEqualTo(200);
        assertThat(actions.body()).contains("\"id\":\"aws:ec2:stop-instances\"");

        server.interrupt();
        server.join();
        assertThat(exit.get()).isEqualTo(Faultline.OK);
    }

    @Test
    void localFis_unreadableInventory_isAUsageError() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"things\":[]}");
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("local-fis", "--inventory", bad.toString())).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("resources");
    }
}
