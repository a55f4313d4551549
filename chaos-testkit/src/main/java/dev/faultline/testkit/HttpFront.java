package dev.faultline.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.HttpLimits;
import dev.faultline.testkit.internal.HttpMessages.In;
import dev.faultline.testkit.internal.HttpMessages.Out;
import dev.faultline.testkit.internal.HttpWire;
import dev.faultline.testkit.internal.Json;
import dev.faultline.testkit.internal.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of LocalFis: its own server ({@link HttpWire}) on 127.0.0.1, FIS REST requests to the router,
 * {@code POST /} form requests to CloudWatch (or IAM, by their API version), and the configured faults.
 */
final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    private final HttpWire wire;
    private final Engine engine;
    private final FisRouter router;
    private final CloudWatchQuery cloudWatch;
    private final IamQuery iam;
    private volatile Faults faults = Faults.none();
    /** The most recent requests, oldest first, at most {@link #KEPT_REQUESTS}. */
    private final ArrayDeque<ReceivedRequest> received = new ArrayDeque<>();
    /** How many received requests are kept: enough for a test, bounded for a long-running server. */
    public static final int KEPT_REQUESTS = 10_000;
    private SplittableRandom random = new SplittableRandom(0);

    /**
     * Starts serving under the given HTTP limits.
     *
     * @param port the port, 0 for a free one
     * @param limits the read timeouts, size limits and connection limit
     * @param engine the engine
     * @param router the FIS router
     * @param cloudWatch the CloudWatch API
     * @param iam the IAM API
     * @throws IOException if the port cannot be bound
     */
    public HttpFront(int port, HttpLimits limits, Engine engine, FisRouter router, CloudWatchQuery cloudWatch,
            IamQuery iam) throws IOException {
        this.iam = Objects.requireNonNull(iam, "iam");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.router = Objects.requireNonNull(router, "router");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.wire = new HttpWire(port, limits, this::handle,
                (status, type, message) -> error(new ApiException(status, type, message), engine.requestId()));
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return wire.port();
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

    /**
     * The requests received, oldest first (the most recent {@link #KEPT_REQUESTS}).
     *
     * @return a snapshot
     */
    public List<ReceivedRequest> received() {
        synchronized (received) {
            return List.copyOf(new ArrayList<>(received));
        }
    }

    private void record(In in) {
        ReceivedRequest r = new ReceivedRequest(System.nanoTime(), in.method(), in.rawPath());
        synchronized (received) {
            if (received.size() == KEPT_REQUESTS) {
                received.removeFirst();
            }
            received.addLast(r);
        }
    }

    private Out handle(In in) {
        record(in);
        String requestId = engine.requestId();
        Request r;
        try {
            r = Request.of(in.method(), in.rawPath(), in.rawQuery(), in.body());
        } catch (ApiException e) {
            return error(e, requestId);
        }
        boolean cw = r.segments().isEmpty() && r.method().equals("POST");
        Faults f = faults;
        Fault fault = Fault.NONE;
        if (f.any()) {
            sleep(f);
            fault = pick(f);
        }
        LOG.trace("{} {} fault={}", r.method(), r.rawPath(), fault);
        switch (fault) {
            case RESET:
                return Out.cutShort();
            case THROTTLE:
                return cw ? xml(400, CloudWatchQuery.error(400, "Throttling", "Rate exceeded", requestId).xml(), requestId)
                        : error(new ApiException(429, "ThrottlingException", "Rate exceeded"), requestId);
            case SERVER_ERROR:
                return serverError(cw, 500, requestId);
            default:
                break;
        }
        Out answer = answer(in, r, cw, requestId);
        return afterApply(fault, f, answer, cw && !structured(in, r), requestId);
    }

    /**
     * After the request was applied: a 503 for a lost response, a connection closed mid-answer for a
     * reset, or first a wait of the hang for a timeout; the answer itself when there is no such fault.
     */
    private static Out afterApply(Fault fault, Faults f, Out answer, boolean cw, String requestId) {
        switch (fault) {
            case LOST:
                return serverError(cw, 503, requestId);
            case HANG_AFTER:
                try {
                    Thread.sleep(f.hang().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Out.cutShort();
            case RESET_AFTER:
                return Out.cutShort();
            default:
                return answer;
        }
    }

    private static boolean cbor(Request r) {
        return r.method().equals("POST") && r.segments().size() == 4 && r.segments().get(0).equals("service")
                && r.segments().get(1).equals("GraniteServiceVersion20100801");
    }

    private static boolean structured(In in, Request r) {
        String target = in.header("X-Amz-Target");
        return cbor(r) || (r.segments().isEmpty() && r.method().equals("POST") && target != null
                && target.startsWith("GraniteServiceVersion20100801."));
    }

    private Out answer(In in, Request r, boolean cw, String requestId) {
        if (structured(in, r)) {
            boolean cbor = cbor(r);
            String target = in.header("X-Amz-Target");
            String op = cbor ? r.segments().get(3) : target.substring(target.indexOf('.') + 1);
            CloudWatchStructured.Answer a = CloudWatchStructured.handle(op, r.body(), cbor, cloudWatch, requestId);
            Map<String, String> headers = new LinkedHashMap<>();
            if (cbor) {
                headers.put("smithy-protocol", "rpc-v2-cbor");
            }
            if (a.queryError() != null) {
                headers.put("x-amzn-query-error", a.queryError());
            }
            headers.put("Content-Type", cbor ? "application/cbor" : "application/x-amz-json-1.0");
            headers.put("x-amzn-RequestId", requestId);
            return Out.of(a.status(), headers, a.body());
        }
        if (cw) {
            Map<String, List<String>> form;
            try {
                form = Request.parseForm(new String(r.body(), StandardCharsets.UTF_8));
            } catch (ApiException e) {
                return xml(400, CloudWatchQuery.error(400, "MalformedQueryString", e.getMessage(), requestId).xml(),
                        requestId);
            }
            List<String> version = form.getOrDefault("Version", List.of());
            CloudWatchQuery.Answer a = version.contains(IamQuery.VERSION) ? iam.handle(form, requestId)
                    : cloudWatch.handle(form, requestId);
            return xml(a.status(), a.xml(), requestId);
        }
        try {
            return json(200, Json.bytes(router.route(r)), requestId, null);
        } catch (ApiException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("LocalFis failed on {} {} (request {})", r.method(), r.rawPath(), requestId, e);
            return error(new ApiException(500, "InternalServerException",
                    "LocalFis failed on this request (request id " + requestId + "); see its log."), requestId);
        }
    }

    private enum Fault { NONE, THROTTLE, SERVER_ERROR, LOST, RESET, RESET_AFTER, HANG_AFTER }

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

    private static Out serverError(boolean cw, int status, String requestId) {
        String type = status == 503 ? "ServiceUnavailableException" : "InternalServerException";
        if (cw) {
            return xml(status, CloudWatchQuery.error(status, status == 503 ? "ServiceUnavailable" : "InternalFailure",
                    "Injected by LocalFis", requestId).xml(), requestId);
        }
        return error(new ApiException(status, type, "Injected by LocalFis"), requestId);
    }

    /** An error in FIS's shape: {@code {"message": …}} with {@code x-amzn-ErrorType}. */
    static Out error(ApiException e, String requestId) {
        ObjectNode o = Json.object();
        o.put("message", e.getMessage());
        return json(e.status(), Json.bytes(o), requestId, e.type());
    }

    private static Out json(int status, byte[] body, String requestId, String errorType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-RequestId", requestId);
        if (errorType != null) {
            headers.put("x-amzn-ErrorType", errorType);
        }
        return Out.of(status, headers, body);
    }

    private static Out xml(int status, String body, String requestId) {
        return Out.of(status, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        wire.close();
    }
}
