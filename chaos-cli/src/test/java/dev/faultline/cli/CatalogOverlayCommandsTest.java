package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
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

/** {@code --catalog FILE} on iam, demo and local-fis: an overlay's actions are known, a bad overlay is a usage error. */
class CatalogOverlayCommandsTest {

    private static final String HIBERNATE = "{\"description\":\"Hibernate the workers\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/FisRole\","
            + "\"stopConditions\":[{\"source\":\"none\"}],"
            + "\"targets\":{\"workers\":{\"resourceType\":\"aws:ec2:instance\",\"resourceTags\":{\"Role\":\"WorkerNode\"},"
            + "\"selectionMode\":\"COUNT(1)\"}},"
            + "\"actions\":{\"sleep\":{\"actionId\":\"aws:ec2:hibernate-instances\",\"targets\":{\"Instances\":\"workers\"}}}}";

    private static final String OVERLAY = "{\"formatVersion\": 1, \"actions\": [{\"id\": \"aws:ec2:hibernate-instances\","
            + "\"description\": \"Hibernates instances.\", \"targets\": {\"Instances\": [\"aws:ec2:instance\"]},"
            + "\"parameters\": [], \"reversible\": false, \"permissions\": [\"ec2:HibernateInstances\"]}]}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void iam_withOverlay_writesTheOverlayActionsPermissions_andWithoutItRefusesTheUnknownAction() throws Exception {
        Path template = file("hibernate.json", HIBERNATE);
        assertThat(run("iam", template.toString())).isEqualTo(Faultline.FOUND_ERRORS);
        assertThat(err.toString()).contains("action.id-unknown");
        assertThat(run("iam", "--catalog", file("overlay.json", OVERLAY).toString(), "--only", "permissions",
                template.toString())).isEqualTo(Faultline.OK);
        assertThat(out.toString()).contains("ec2:HibernateInstances");
    }

    @Test
    void iamDemoAndLocalFis_withABadOverlay_areUsageErrorsNamingTheFile() throws Exception {
        Path bad = file("bad-overlay.json", "{\"formatVersion\": 1, \"actionz\": []}");
        Path template = file("hibernate.json", HIBERNATE);
        assertThat(run("iam", "--catalog", bad.toString(), template.toString())).isEqualTo(Faultline.USAGE);
        assertThat(run("demo", "--catalog", bad.toString(), "--out", dir.resolve("reports").toString()))
                .isEqualTo(Faultline.USAGE);
        assertThat(run("local-fis", "--catalog", bad.toString())).isEqualTo(Faultline.USAGE);
        assertThat(err.toString().split("bad-overlay.json", -1)).hasSize(4);
        assertThat(out.toString()).doesNotContain("Run 1").doesNotContain("listening on");
    }

    @Test
    void localFis_withOverlay_listsTheOverlayAction_andAcceptsATemplateUsingIt() throws Exception {
        Path overlay = file("overlay.json", OVERLAY);
        AtomicInteger exit = new AtomicInteger(-1);
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Thread server = new Thread(() -> exit.set(cli.execute("local-fis", "--catalog", overlay.toString(),
                "--role-for", dir.resolve("hibernate.json").toString())));
        file("hibernate.json", HIBERNATE);
        server.start();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher("");
        for (int i = 0; i < 1000 && !m.reset(out.toString()).find() && server.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(m.reset(out.toString()).find()).as("started; err: %s", err).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> action = http.send(HttpRequest.newBuilder(
                URI.create(m.group(1) + "/actions/aws:ec2:hibernate-instances")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(action.statusCode()).isEqualTo(200);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/experimentTemplates"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HIBERNATE.replaceFirst("\\{", "{\"clientToken\":\"t-1\","))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        server.interrupt();
        server.join();
        assertThat(exit.get()).isEqualTo(Faultline.OK);
    }

    @Test
    void demoWorld_withOverlay_servesTheOverlayCatalog() throws Exception {
        try (DemoWorld world = new DemoWorld(DemoWorld.DEFAULT_SPEED, Catalog.withOverlay(file("overlay.json", OVERLAY)))) {
            HttpResponse<String> action = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(world.fis().endpoint() + "/actions/aws:ec2:hibernate-instances")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(action.statusCode()).isEqualTo(200);
        }
        try (DemoWorld world = new DemoWorld()) {
            HttpResponse<String> action = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(world.fis().endpoint() + "/actions/aws:ec2:hibernate-instances")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(action.statusCode()).isEqualTo(404);
        }
    }
}
