package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ListActionsResponse;

/**
 * LocalFis as a server under clients that misbehave: stuck connections, slow or huge bodies,
 * malformed HTTP. Every refusal comes back in FIS's error shape ({@code {"message": …}} with
 * {@code x-amzn-ErrorType}) and never shows the JSON parser's text.
 */
class HttpHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalFis local;
    private final List<Socket> held = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        if (local != null) {
            local.close();
        }
    }

    /** A raw answer read from a socket. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String errorType() {
            return headers.get("x-amzn-errortype");
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), local.port());
        s.setSoTimeout(30_000); // a deadline for every read of the test, not a timing assertion
        held.add(s);
        return s;
    }

    private Answer exchange(String head, byte[] body) throws IOException {
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read(s.getInputStream());
    }

    static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while (!(h = line(in)).isEmpty()) {
            int c = h.indexOf(':');
            headers.put(h.substring(0, c).toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
        }
        int n = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(n);
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("the server closed the connection without an answer");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertFisError(Answer a, int status, String type, String messagePart) throws IOException {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.errorType()).isEqualTo(type);
        assertThat(a.headers()).containsKey("x-amzn-requestid");
        assertThat(a.headers().get("content-type")).isEqualTo("application/json");
        String message = a.json().path("message").asText();
        assertThat(message).contains(messagePart)
                .doesNotContain("com.fasterxml", "Unexpected character", "Exception", "Source:", "\tat ");
    }

    private void assertNoTemplate() throws IOException {
        Answer list = exchange("GET /experimentTemplates HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("experimentTemplates")).isEmpty();
    }

    @Test
    void halfOpenConnections_do_not_lockOutAClient() throws Exception {
        // long read deadlines: the stuck clients stay stuck for the whole test
        local = LocalFis.builder().readTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5)).start();
        for (int i = 0; i < 64; i++) {
            Socket s = connect();
            s.getOutputStream().write("POST /experimentTemplates HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }
        try (FisAsyncClient fis = SdkClients.fis(local)) {
            for (int i = 0; i < 5; i++) {
                ListActionsResponse r = fis.listActions(b -> b.maxResults(10)).get(60, TimeUnit.SECONDS);
                assertThat(r.actions()).hasSize(10);
            }
        }
        // the stuck clients are still connected: nothing was answered to them yet
        for (Socket s : held) {
            assertThat(s.getInputStream().available()).isZero();
        }
    }

    @Test
    void slowHeaders_andSlowBody_areTimedOut_withA408InFisShape() throws Exception {
        local = LocalFis.builder().readTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)).start();
        Socket slowHead = connect();
        slowHead.getOutputStream().write("GET /actions HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertFisError(read(slowHead.getInputStream()), 408, "RequestTimeoutException", "request line and headers");
        assertThat(slowHead.getInputStream().read()).as("closed after the 408").isEqualTo(-1);

        Socket slowBody = connect();
        slowBody.getOutputStream().write(("POST /experimentTemplates HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                + "{\"clientToken\"").getBytes(StandardCharsets.US_ASCII));
        assertFisError(read(slowBody.getInputStream()), 408, "RequestTimeoutException", "request body");
    }

    @Test
    void tooLargeBody_isRefusedFromItsContentLength_beforeAByteOfItIsSent() throws Exception {
        local = LocalFis.builder().maxRequestBytes(4096).start();
        Socket s = connect();
        s.getOutputStream().write(("POST /experimentTemplates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        // no body byte was sent: the answer can only come from the header
        assertFisError(read(s.getInputStream()), 413, "ValidationException", "larger than the limit of 4096 bytes");
        assertNoTemplate();
    }

    @Test
    void tooLargeChunkedBody_isRefusedWhileStreaming() throws Exception {
        local = LocalFis.builder().maxRequestBytes(4096).start();
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        out.write("POST /experimentTemplates HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.write(("1000\r\n" + "x".repeat(4096) + "\r\n" + "10\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertFisError(read(s.getInputStream()), 413, "ValidationException", "larger than the limit");
    }

    @Test
    void chunkedBody_withinTheLimit_isServed() throws Exception {
        local = LocalFis.builder().start();
        String body = "{\"resourceArn\":\"x\"}";
        Answer a = exchange("GET /actions?maxResults=1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n", new byte[0]);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("actions")).hasSize(1);
    }

    static Stream<Arguments> malformed() {
        String post = "POST /experimentTemplates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        String template = "{\"clientToken\":\"t1\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\"}";
        return Stream.of(
                Arguments.of("bad % escape in the path", "GET /experimentTemplates/EXT%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                        400, "ValidationException", "malformed percent-encoding"),
                Arguments.of("truncated % escape in the query", "GET /experiments?experimentTemplateId=%4 HTTP/1.1\r\n"
                        + "Host: x\r\n\r\n", 400, "ValidationException", "malformed percent-encoding"),
                Arguments.of("Content-Length not a number", post + "Content-Length: 12abc\r\n\r\n",
                        400, "ValidationException", "Content-Length"),
                Arguments.of("negative Content-Length", post + "Content-Length: -5\r\n\r\n",
                        400, "ValidationException", "Content-Length"),
                Arguments.of("conflicting Content-Length", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400, "ValidationException", "conflicting Content-Length"),
                Arguments.of("malformed request line", "GET\r\n\r\n", 400, "ValidationException", "request line"),
                Arguments.of("malformed header", "GET /actions HTTP/1.1\r\nno colon here\r\n\r\n",
                        400, "ValidationException", "header"),
                Arguments.of("unknown transfer coding", post + "Transfer-Encoding: gzip\r\n\r\n",
                        400, "ValidationException", "Transfer-Encoding"),
                Arguments.of("trailing garbage after the JSON object", withBody(post, template + " {\"x\":1}"),
                        400, "ValidationException", "content after its JSON object at line 1"),
                Arguments.of("trailing text after the JSON object", withBody(post, template + "garbage"),
                        400, "ValidationException", "at line 1"),
                Arguments.of("invalid JSON", withBody(post, "{\"clientToken\": tru}"),
                        400, "ValidationException", "not valid JSON at line 1, column"),
                Arguments.of("a JSON array", withBody(post, "[1,2]"), 400, "ValidationException", "must be a JSON object"),
                Arguments.of("unknown route", "GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n",
                        404, "UnknownOperationException", ""));
    }

    private static String withBody(String head, String body) {
        return head + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequests_getFisShapedErrors(String name, String request, int status, String type, String message)
            throws Exception {
        local = LocalFis.builder().start();
        assertFisError(exchange(request, new byte[0]), status, type, message);
        assertNoTemplate();
    }

    @Test
    void keepAlive_servesSeveralRequestsOnOneConnection_andExpectContinue() throws Exception {
        local = LocalFis.builder().start();
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        for (int i = 0; i < 3; i++) {
            out.write("GET /actions?maxResults=2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer a = read(in);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().path("actions")).hasSize(2);
        }
        out.write("PATCH /safetyLevers/x/state HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(line(in)).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(line(in)).isEmpty();
        out.write("{}".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(read(in).errorType()).isNotNull();
    }
}
