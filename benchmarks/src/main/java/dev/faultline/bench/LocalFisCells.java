package dev.faultline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.testkit.LocalFis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many LocalFis instances ("cells") behind one endpoint. LocalFis enforces the FIS quotas of one
 * account and Region: at most 5 active experiments and 500 templates, which FIS does not raise
 * either. A thousand concurrent runs need about two hundred such quotas, so each cell is one,
 * and the router sends each new template to the next cell in turn (a retry, known by its client
 * token, to the same cell), then every request about
 * that template, or about the experiment started from it, to the same cell (learning the ids
 * from the answers). Anything else (CloudWatch, lists) goes to the first cell. Every cell has
 * the same inventory, the same alarm, and runs on the same clock.
 */
final class LocalFisCells implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "date", "host", "expect", "upgrade", "keep-alive");

    private final List<LocalFis> cells = new ArrayList<>();
    private final Map<String, Integer> templates = new ConcurrentHashMap<>();
    private final Map<String, Integer> experiments = new ConcurrentHashMap<>();
    private final Map<String, Integer> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor;
    private final HttpClient client;
    private final HttpServer server;

    /**
     * Starts the cells and the router.
     *
     * @param count how many cells
     * @param instances the instances in each cell's inventory
     * @param clock the clock every cell runs on
     * @param alarm the name of the alarm each cell holds in state OK
     * @throws IOException if a port cannot be bound
     */
    LocalFisCells(int count, int instances, Clock clock, String alarm) throws IOException {
        for (int i = 0; i < count; i++) {
            cells.add(LocalFis.builder()
                    .clock(clock)
                    .seed(1_000_003L * (i + 1))
                    // GetExperiment runs experiments up to the clock first, and the times LocalFis
                    // records are the planned ones, so a slow tick only saves CPU
                    .tickPeriod(Duration.ofMillis(200))
                    .inventory(inv -> inv.ec2Instances(instances, "Role", "Worker"))
                    .alarms(a -> a.create(alarm))
                    .start());
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "cells-router-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /**
     * The router's endpoint.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The ARN of the alarm (the same in every cell: one account and Region).
     *
     * @param name the alarm's name
     * @return the ARN
     */
    String alarmArn(String name) {
        return cells.get(0).alarms().arnOf(name);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String[] segments = path.replaceFirst("^/", "").split("/");
            boolean createTemplate = method.equals("POST") && path.equals("/experimentTemplates");
            boolean startExperiment = method.equals("POST") && path.equals("/experiments");
            int cell;
            if (createTemplate) {
                // a retried create (same client token) goes to the same cell, which answers it idempotently
                cell = tokens.computeIfAbsent(json.readTree(body).path("clientToken").asText(),
                        t -> Math.floorMod(next.getAndIncrement(), cells.size()));
            } else if (startExperiment) {
                cell = templates.getOrDefault(json.readTree(body).path("experimentTemplateId").asText(), 0);
            } else if (segments.length >= 2 && segments[0].equals("experimentTemplates")) {
                cell = templates.getOrDefault(segments[1], 0);
            } else if (segments.length >= 2 && segments[0].equals("experiments")) {
                cell = experiments.getOrDefault(segments[1], 0);
            } else {
                cell = 0;
            }
            URI target = URI.create(cells.get(cell).endpoint() + exchange.getRequestURI().toString());
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (response.statusCode() / 100 == 2 && (createTemplate || startExperiment)) {
                JsonNode answer = json.readTree(response.body());
                if (createTemplate) {
                    templates.put(answer.path("experimentTemplate").path("id").asText(), cell);
                } else {
                    experiments.put(answer.path("experiment").path("id").asText(), cell);
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        cells.forEach(LocalFis::close);
    }
}
