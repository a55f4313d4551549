package dev.faultline.aws.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of LocalFis for the shutdown tests: it forwards every request, except
 * that the first request matching a {@link Rule} is held, answered late, answered by a closed
 * connection, or failed, so that a forked controller can be sent SIGTERM at a chosen moment.
 */
final class HoldingProxy implements AutoCloseable {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade", "date", "via", "warning", "from");

    /** What happens to the first matching request. */
    enum Mode {
        /** Forwarded and answered; {@link Rule#seen} opens once the answer was sent. */
        SIGNAL,
        /** Forwarded (applied), then the answer waits for {@link Rule#release()}. */
        HOLD_ANSWER,
        /** Forwarded (applied); on release the connection closes without an answer. */
        DROP_ANSWER,
        /** Not forwarded: HTTP 500 {@code InternalServerException}. */
        FAIL
    }

    /** A one-shot rule. */
    static final class Rule {
        final String method;
        final String pathPrefix;
        final Mode mode;
        final CountDownLatch seen = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger hits = new AtomicInteger();

        Rule(String method, String pathPrefix, Mode mode) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.mode = mode;
        }

        /** Lets a held answer go. */
        void release() {
            released.countDown();
        }

        /** How many requests the rule acted on (0 or 1). */
        int hits() {
            return hits.get();
        }

        void awaitSeen() throws InterruptedException {
            if (!seen.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no request matched " + method + " " + pathPrefix);
            }
        }
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "holding-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    HoldingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Rule rule(String method, String pathPrefix, Mode mode) {
        Rule rule = new Rule(method, pathPrefix, mode);
        rules.add(rule);
        return rule;
    }

    private Rule match(String method, String path) {
        for (Rule r : rules) {
            if (r.method.equals(method) && path.startsWith(r.pathPrefix) && r.hits.compareAndSet(0, 1)) {
                return r;
            }
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Rule rule = match(method, path);
            if (rule != null && rule.mode == Mode.FAIL) {
                byte[] error = "{\"message\":\"Injected by the test proxy\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(500, error.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(error);
                }
                rule.seen.countDown();
                return;
            }
            HttpResponse<byte[]> answer = forward(ex, method, body);
            if (rule != null && rule.mode != Mode.SIGNAL) {
                rule.seen.countDown();
                awaitQuietly(rule.released);
                if (rule.mode == Mode.DROP_ANSWER) {
                    ex.sendResponseHeaders(200, 1024); // closed before the promised body: the answer is lost
                    return;
                }
            }
            answer.headers().map().forEach((name, values) -> {
                String n = name.toLowerCase(Locale.ROOT);
                if (!n.equals("content-length") && !n.equals("transfer-encoding") && !n.equals(":status")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
            if (rule != null && rule.mode == Mode.SIGNAL) {
                rule.seen.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, String method, byte[] body)
            throws IOException, InterruptedException {
        String query = ex.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void awaitQuietly(CountDownLatch latch) throws InterruptedException {
        latch.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        rules.forEach(Rule::release);
        server.stop(0);
        executor.shutdownNow();
    }
}
