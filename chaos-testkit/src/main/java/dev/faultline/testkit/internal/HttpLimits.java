package dev.faultline.testkit.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits LocalFis's HTTP server enforces: how long a client may take to send a request's
 * head and its body, how large a body and a head may be, and how many connections are served
 * at once (each stuck connection holds one of them, never the others).
 *
 * @param headerTimeout the time a client has to send the request line and headers
 * @param bodyTimeout the time a client has to send the body once the headers are in
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param maxBodyBytes the largest body accepted; a larger one is refused before it is read
 * @param maxHeaderBytes the largest request line plus headers
 * @param maxConnections connections served at once; one more is answered 503 and closed
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxBodyBytes,
        int maxHeaderBytes, int maxConnections) {

    /** The default body limit: 1 MiB, far above any template FIS accepts (its fields are bounded). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    /** The defaults: 10 s for the head, 30 s for the body, 60 s idle, 1 MiB bodies, 64 KiB heads, 256 connections. */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), DEFAULT_MAX_BODY_BYTES, 64 * 1024, 256);

    /**
     * Checks the limits.
     *
     * @param headerTimeout the head timeout
     * @param bodyTimeout the body timeout
     * @param idleTimeout the keep-alive idle timeout
     * @param maxBodyBytes the body limit
     * @param maxHeaderBytes the head limit
     * @param maxConnections the connection limit
     */
    public HttpLimits {
        positive(headerTimeout, "headerTimeout");
        positive(bodyTimeout, "bodyTimeout");
        positive(idleTimeout, "idleTimeout");
        if (maxBodyBytes < 0 || maxHeaderBytes < 256 || maxConnections < 1) {
            throw new IllegalArgumentException("Bad HTTP limits: maxBodyBytes=" + maxBodyBytes + ", maxHeaderBytes="
                    + maxHeaderBytes + " (at least 256), maxConnections=" + maxConnections);
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and under 24 days: " + d);
        }
    }

    /**
     * These limits with another body limit.
     *
     * @param bytes the largest body accepted
     * @return the new limits
     */
    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(headerTimeout, bodyTimeout, idleTimeout, bytes, maxHeaderBytes, maxConnections);
    }

    /**
     * These limits with other read timeouts.
     *
     * @param header the head timeout
     * @param body the body timeout
     * @return the new limits
     */
    public HttpLimits withTimeouts(Duration header, Duration body) {
        return new HttpLimits(header, body, idleTimeout, maxBodyBytes, maxHeaderBytes, maxConnections);
    }
}
