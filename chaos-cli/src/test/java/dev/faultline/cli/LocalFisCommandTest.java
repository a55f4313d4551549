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

    @Test
    void localFis_faultOptions_areAppliedAndPrinted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(cli.execute("local-fis", "--throttle-rate", "1", "--seed", "3",
                "--latency", "PT0.01S")));
        server.start();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher("");
        for (int i = 0; i < 1000 && !(m.reset(out.toString()).find() && out.toString().contains("Injecting")); i++) {
            Thread.sleep(10);
        }
        assertThat(out.toString()).contains("Injecting faults: Faults[seed=3, throttling=1.0")
                .contains("latency=PT0.01S");
        HttpResponse<String> actions = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/actions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(actions.statusCode()).isEqualTo(429);
        assertThat(actions.headers().firstValue("x-amzn-ErrorType")).contains("ThrottlingException");

        server.interrupt();
        server.join();
        assertThat(exit.get()).isEqualTo(Faultline.OK);
    }

    @Test
    void localFis_badFaultOptions_areUsageErrorsThatSayWhat() {
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("local-fis", "--throttle-rate", "0.7", "--lose-response-rate", "0.7"))
                .isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("add up to more than 1");
        assertThat(cli.execute("local-fis", "--reset-rate", "2")).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("A rate is between 0 and 1: 2.0");
        assertThat(cli.execute("local-fis", "--latency", "soon")).isEqualTo(Faultline.USAGE);
        assertThat(err.toString()).contains("--latency soon is not an ISO-8601 duration");
    }
}
