package dev.faultline.testkit.internal;

import dev.faultline.testkit.internal.HttpMessages.Handler;
import dev.faultline.testkit.internal.HttpMessages.In;
import dev.faultline.testkit.internal.HttpMessages.Out;
import dev.faultline.testkit.internal.HttpMessages.Refusal;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for LocalFis, written so that every answer, also to a
 * request the HTTP layer itself cannot accept, is built by LocalFis (in FIS's error shape):
 * one thread per connection up to {@link HttpLimits#maxConnections()}, deadlines on the head
 * and the body ({@link WireReader}), a body limit checked against Content-Length before a byte
 * of the body is read (and while reading a chunked one), keep-alive, {@code Expect: 100-continue}.
 */
public final class HttpWire implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWire.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final HttpLimits limits;
    private final Handler handler;
    private final Refusal refusal;
    private final ServerSocket server;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Binds and starts accepting.
     *
     * @param port the port, 0 for a free one
     * @param limits the limits
     * @param handler answers requests
     * @param refusal builds the answers to requests the HTTP layer refuses
     * @throws IOException if the port cannot be bound
     */
    public HttpWire(int port, HttpLimits limits, Handler handler, Refusal refusal) throws IOException {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        AtomicInteger n = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, limits.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "localfis-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::accept, "localfis-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Connections being served now.
     *
     * @return the count
     */
    public int activeConnections() {
        return connections.getActiveCount();
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("LocalFis stopped accepting connections: {}", e.toString());
                }
                return;
            }
            try {
                connections.execute(() -> serve(s));
            } catch (RejectedExecutionException e) {
                // every connection thread is taken: answer at once rather than queue behind stuck clients
                try (s) {
                    write(s.getOutputStream(), refusal.refuse(503, "ServiceUnavailableException",
                            "LocalFis is serving its limit of " + limits.maxConnections() + " connections; retry."), false);
                } catch (IOException ignored) {
                    LOG.trace("could not refuse a connection: {}", ignored.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            WireReader reader = new WireReader(socket);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean first = true;
            while (!closed) {
                reader.deadline(first || reader.buffered() ? limits.headerTimeout().toMillis()
                        : limits.idleTimeout().toMillis(), "the request line and headers");
                first = false;
                Exchange ex = read(reader, out);
                if (ex == null) {
                    return;
                }
                write(out, ex.reply, ex.keepAlive);
                if (!ex.keepAlive || ex.reply.reset()) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.trace("connection closed: {}", e.toString());
        } finally {
            open.remove(socket);
        }
    }

    private record Exchange(Out reply, boolean keepAlive) {}

    /** Reads one request and answers it; null when the client closed between requests. */
    private Exchange read(WireReader reader, OutputStream out) throws IOException {
        int[] budget = {limits.maxHeaderBytes()};
        String requestLine;
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            requestLine = reader.line(budget);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = reader.line(budget); // a stray CRLF between requests is allowed
            }
            if (requestLine == null) {
                return null;
            }
            String line;
            while ((line = reader.line(budget)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                    return refused(400, "ValidationException", "The request has a malformed header line.");
                }
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                String before = headers.put(name, value);
                if (name.equals("content-length") && before != null && !before.equals(value)) {
                    return refused(400, "ValidationException", "The request has conflicting Content-Length headers.");
                }
            }
            if (line == null) {
                return null;
            }
        } catch (WireReader.Timeout e) {
            return refused(408, "RequestTimeoutException", "The client did not send " + e.getMessage() + " within "
                    + limits.headerTimeout().toMillis() + " ms.");
        } catch (WireReader.TooLarge e) {
            return refused(431, "ValidationException", "The request line and headers are larger than "
                    + limits.maxHeaderBytes() + " bytes.");
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || parts[1].isEmpty()
                || !parts[2].startsWith("HTTP/1.")) {
            return refused(400, "ValidationException", "The request line is malformed.");
        }
        boolean keepAlive = parts[2].equals("HTTP/1.1") ? !"close".equalsIgnoreCase(headers.get("connection"))
                : "keep-alive".equalsIgnoreCase(headers.get("connection"));
        byte[] body;
        try {
            body = body(reader, out, headers);
        } catch (Refused r) {
            return new Exchange(r.reply, false);
        }
        Out reply;
        try {
            reply = handler.handle(new In(parts[0], parts[1], Map.copyOf(headers), body));
        } catch (RuntimeException e) {
            LOG.warn("LocalFis failed on {} {}", parts[0], parts[1], e);
            reply = refusal.refuse(500, "InternalServerException", "LocalFis failed on this request; see its log.");
        }
        return new Exchange(reply, keepAlive);
    }

    private Exchange refused(int status, String type, String message) {
        return new Exchange(refusal.refuse(status, type, message), false);
    }

    /** A request refused while its body was read. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Out reply;

        Refused(Out reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    private byte[] body(WireReader reader, OutputStream out, Map<String, String> headers) throws IOException, Refused {
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        boolean chunked = te != null && te.equalsIgnoreCase("chunked");
        if (te != null && !chunked) {
            throw new Refused(refusal.refuse(400, "ValidationException",
                    "Transfer-Encoding " + te + " is not supported; send Content-Length or chunked."));
        }
        if (chunked && cl != null) {
            throw new Refused(refusal.refuse(400, "ValidationException",
                    "The request has both Content-Length and Transfer-Encoding."));
        }
        long length = 0;
        if (cl != null) {
            if (!DIGITS.matcher(cl).matches()) {
                throw new Refused(refusal.refuse(400, "ValidationException",
                        "The Content-Length header is not a non-negative integer."));
            }
            length = Long.parseLong(cl);
            if (length > limits.maxBodyBytes()) {
                throw new Refused(tooLarge());
            }
        }
        if ((chunked || length > 0) && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        reader.deadline(limits.bodyTimeout().toMillis(), "the request body");
        try {
            if (!chunked) {
                byte[] body = new byte[(int) length];
                reader.readFully(body, 0, body.length);
                return body;
            }
            return chunks(reader);
        } catch (WireReader.Timeout e) {
            throw new Refused(refusal.refuse(408, "RequestTimeoutException", "The client did not send the request body"
                    + " within " + limits.bodyTimeout().toMillis() + " ms."));
        } catch (WireReader.TooLarge e) {
            throw new Refused(tooLarge());
        }
    }

    private byte[] chunks(WireReader reader) throws IOException, Refused {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {limits.maxHeaderBytes()};
        while (true) {
            String size = reader.line(budget);
            int semi = size == null ? -1 : size.indexOf(';');
            String hex = size == null ? "" : (semi < 0 ? size : size.substring(0, semi)).strip();
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw new Refused(refusal.refuse(400, "ValidationException", "The chunked request body is malformed."));
            }
            long n = Long.parseLong(hex, 16);
            if (n == 0) {
                String trailer;
                while ((trailer = reader.line(budget)) != null && !trailer.isEmpty()) {
                    // trailers are read and ignored
                }
                return body.toByteArray();
            }
            if (body.size() + n > limits.maxBodyBytes()) {
                throw new WireReader.TooLarge("body");
            }
            byte[] chunk = new byte[(int) n];
            reader.readFully(chunk, 0, chunk.length);
            body.write(chunk);
            if (reader.read() != '\r' || reader.read() != '\n') {
                throw new Refused(refusal.refuse(400, "ValidationException", "The chunked request body is malformed."));
            }
        }
    }

    private Out tooLarge() {
        return refusal.refuse(413, "ValidationException", "The request body is larger than the limit of "
                + limits.maxBodyBytes() + " bytes.");
    }

    private static void write(OutputStream out, Out reply, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reason(reply.status())).append("\r\n");
        reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(reply.reset() ? 1024 : reply.body().length).append("\r\n");
        head.append("Connection: ").append(keepAlive && !reply.reset() ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 402: return "Payment Required";
            case 404: return "Not Found";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 413: return "Content Too Large";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.trace("closing the server socket: {}", e.toString());
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.trace("closing a connection: {}", e.toString());
            }
        }
        connections.shutdownNow();
        try {
            acceptor.join(5_000);
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
