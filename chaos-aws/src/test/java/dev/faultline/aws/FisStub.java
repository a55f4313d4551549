package dev.faultline.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.fis.FisClient;

/**
 * A FIS endpoint on 127.0.0.1 and a free port that records every request and answers from a
 * function, with a {@link FisClient} pointed at it. As a JUnit extension it is closed after the
 * test class: {@code @RegisterExtension static final FisStub stub = FisStub.start();}.
 */
final class FisStub implements AfterAllCallback, AutoCloseable {

    /** One request: method, path and body. */
    record Request(String method, String path, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, String> answer = r -> "{}";
    private FisClient client;

    /** Starts a stub on a free port; unchecked, for a static field. */
    static FisStub start() {
        try {
            return new FisStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FisStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                requests.add(r);
                byte[] body = answer.apply(r).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    void answer(Function<Request, String> f) {
        this.answer = f;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    /** The one client of this stub, made on first use and closed with it. */
    synchronized FisClient fis() {
        if (client == null) {
            client = client();
        }
        return client;
    }

    FisClient client() {
        return FisClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        server.stop(0);
    }
}
