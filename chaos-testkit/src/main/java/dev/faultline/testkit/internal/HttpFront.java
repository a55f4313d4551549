package dev.faultline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.testkit.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of LocalFis: the JDK's server on 127.0.0.1, FIS REST requests to the router,
 * {@code POST /} form requests to CloudWatch, and the configured faults.
 */
public final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Engine engine;
    private final FisRouter router;
    private final CloudWatchQuery cloudWatch;
    private volatile Faults faults = Faults.none();
    private SplittableRandom random = new SplittableRandom(0);

    /**
     * Starts serving.
     *
     * @param port the port, 0 for a free one
     * @param engine the engine
     * @param router the FIS router
     * @param cloudWatch the CloudWatch API
     * @throws IOException if the port cannot be bound
     */
    public HttpFront(int port, Engine engine, FisRouter router, CloudWatchQuery cloudWatch) throws IOException {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.router = Objects.requireNonNull(router, "router");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "localfis-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Sets the faults, restarting their random draws from the seed.
     *
     * @param value the faults
     */
    public synchronized void faults(Faults value) {
        this.faults = Objects.requireNonNull(value, "faults");
        this.random = new SplittableRandom(value.seed());
    }

    /**
     * The faults in force.
     *
     * @return the faults
     */
    public Faults faults() {
        return faults;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request r = Request.of(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), body);
            boolean cw = r.segments().isEmpty() && r.method().equals("POST");
            String requestId = engine.requestId();
            Faults f = faults;
            Fault fault = Fault.NONE;
            if (f.any()) {
                sleep(f);
                fault = pick(f);
            }
            LOG.trace("{} {} fault={}", r.method(), r.rawPath(), fault);
            switch (fault) {
                case RESET:
                    ex.sendResponseHeaders(200, 1024);
                    return;
                case THROTTLE:
                    if (cw) {
                        send(ex, 400, "text/xml", CloudWatchQuery.error(400, "Throttling", "Rate exceeded", requestId).xml(),
                                requestId, null);
                    } else {
                        sendError(ex, new ApiException(429, "ThrottlingException", "Rate exceeded"), requestId);
                    }
                    return;
                case SERVER_ERROR:
                    serverError(ex, cw, 500, requestId);
                    return;
                default:
                    break;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            boolean cbor = r.method().equals("POST") && r.segments().size() == 4 && r.segments().get(0).equals("service")
                    && r.segments().get(1).equals("GraniteServiceVersion20100801");
            if (cbor || (cw && target != null && target.startsWith("GraniteServiceVersion20100801."))) {
                String op = cbor ? r.segments().get(3) : target.substring(target.indexOf('.') + 1);
                CloudWatchStructured.Answer a = CloudWatchStructured.handle(op, body, cbor, cloudWatch, requestId);
                if (lostAfterApply(ex, fault, f, false, requestId)) {
                    return;
                }
                if (cbor) {
                    ex.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
                }
                if (a.queryError() != null) {
                    ex.getResponseHeaders().set("x-amzn-query-error", a.queryError());
                }
                ex.getResponseHeaders().set("Content-Type", cbor ? "application/cbor" : "application/x-amz-json-1.0");
                ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
                ex.sendResponseHeaders(a.status(), a.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
                return;
            }
            if (cw) {
                CloudWatchQuery.Answer a = cloudWatch.handle(Request.parseForm(new String(body, StandardCharsets.UTF_8)),
                        requestId);
                if (lostAfterApply(ex, fault, f, true, requestId)) {
                    return;
                }
                send(ex, a.status(), "text/xml", a.xml(), requestId, null);
                return;
            }
            JsonNode answer;
            try {
                answer = router.route(r);
            } catch (ApiException e) {
                sendError(ex, e, requestId);
                return;
            } catch (RuntimeException e) {
                LOG.warn("LocalFis failed on {} {}", r.method(), r.rawPath(), e);
                sendError(ex, new ApiException(500, "InternalServerException", "LocalFis failed: " + e), requestId);
                return;
            }
            if (lostAfterApply(ex, fault, f, false, requestId)) {
                return;
            }
            send(ex, 200, "application/json", new String(Json.bytes(answer), StandardCharsets.UTF_8), requestId, null);
        } catch (IOException e) {
            LOG.trace("connection closed: {}", e.toString());
        }
    }

    private enum Fault { NONE, THROTTLE, SERVER_ERROR, LOST, RESET, RESET_AFTER, HANG_AFTER }

    /**
     * After the request was applied: answers 503 for a lost response, closes the connection
     * mid-answer for a reset, or first waits the hang for a timeout; false for no such fault.
     */
    private boolean lostAfterApply(HttpExchange ex, Fault fault, Faults f, boolean cw, String requestId)
            throws IOException {
        switch (fault) {
            case LOST:
                serverError(ex, cw, 503, requestId);
                return true;
            case HANG_AFTER:
                try {
                    Thread.sleep(f.hang().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(200, 1024);
                return true;
            case RESET_AFTER:
                ex.sendResponseHeaders(200, 1024);
                return true;
            default:
                return false;
        }
    }

    private Fault pick(Faults f) {
        double d = draw();
        if ((d -= f.throttling()) < 0) {
            return Fault.THROTTLE;
        }
        if ((d -= f.serverErrors()) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((d -= f.lostResponses()) < 0) {
            return Fault.LOST;
        }
        if ((d -= f.connectionResets()) < 0) {
            return Fault.RESET;
        }
        if ((d -= f.resetsAfterApply()) < 0) {
            return Fault.RESET_AFTER;
        }
        if ((d -= f.timeoutsAfterApply()) < 0) {
            return Fault.HANG_AFTER;
        }
        return Fault.NONE;
    }

    private static void sleep(Faults f) {
        if (!f.latency().isZero()) {
            try {
                Thread.sleep(f.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serverError(HttpExchange ex, boolean cw, int status, String requestId) throws IOException {
        String type = status == 503 ? "ServiceUnavailableException" : "InternalServerException";
        if (cw) {
            send(ex, status, "text/xml", CloudWatchQuery.error(status, status == 503 ? "ServiceUnavailable" : "InternalFailure",
                    "Injected by LocalFis", requestId).xml(), requestId, null);
        } else {
            sendError(ex, new ApiException(status, type, "Injected by LocalFis"), requestId);
        }
    }

    private static void sendError(HttpExchange ex, ApiException e, String requestId) throws IOException {
        ObjectNode o = Json.object();
        o.put("message", e.getMessage());
        send(ex, e.status(), "application/json", o.toString(), requestId, e.type());
    }

    private static void send(HttpExchange ex, int status, String type, String body, String requestId, String errorType)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
