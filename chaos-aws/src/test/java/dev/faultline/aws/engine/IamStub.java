package dev.faultline.aws.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * A test-only IAM endpoint on 127.0.0.1 that answers {@code SimulatePrincipalPolicy} in the IAM
 * query protocol (form-encoded POST, XML answer, {@code IsTruncated}/{@code Marker} paging) as
 * the AWS SDK 2.40.2 expects: each action gets the decision set for it, {@code allowed} unless
 * told otherwise.
 */
final class IamStub implements AutoCloseable {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final HttpServer server;
    private final Map<String, String> decisions = new LinkedHashMap<>();
    private final Map<String, List<String>> missingContext = new LinkedHashMap<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 100;
    private volatile String errorCode;

    IamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Sets the decision for an action: {@code allowed}, {@code implicitDeny} or {@code explicitDeny}. */
    synchronized IamStub decide(String action, String decision) {
        decisions.put(action, decision);
        return this;
    }

    /** Makes an action's decision {@code implicitDeny} for want of context keys. */
    synchronized IamStub missingContext(String action, String... keys) {
        decisions.put(action, "implicitDeny");
        missingContext.put(action, List.of(keys));
        return this;
    }

    /** Answers at most this many results a page. */
    IamStub pageSize(int value) {
        this.pageSize = value;
        return this;
    }

    /** Answers every request with a 403 error of this code. */
    IamStub fail(String code) {
        this.errorCode = code;
        return this;
    }

    /** The decoded forms of the requests received. */
    List<Map<String, String>> requests() {
        return requests;
    }

    IamAsyncClient client() {
        return IamAsyncClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(form);
        if (errorCode != null) {
            send(exchange, 403, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + errorCode
                    + "</Code><Message>User is not authorized to perform iam:SimulatePrincipalPolicy</Message>"
                    + "</Error><RequestId>r-1</RequestId></ErrorResponse>");
            return;
        }
        if (!"SimulatePrincipalPolicy".equals(form.get("Action"))) {
            send(exchange, 400, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidAction"
                    + "</Code><Message>not emulated</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
            return;
        }
        List<String> actions = new ArrayList<>();
        for (int i = 1; form.containsKey("ActionNames.member." + i); i++) {
            actions.add(form.get("ActionNames.member." + i));
        }
        int from = form.containsKey("Marker") ? Integer.parseInt(form.get("Marker")) : 0;
        int to = Math.min(actions.size(), from + pageSize);
        StringBuilder xml = new StringBuilder("<SimulatePrincipalPolicyResponse xmlns=\"" + NS + "\">"
                + "<SimulatePrincipalPolicyResult><EvaluationResults>");
        synchronized (this) {
            for (String action : actions.subList(from, to)) {
                xml.append("<member><EvalActionName>").append(action).append("</EvalActionName>")
                        .append("<EvalResourceName>*</EvalResourceName><EvalDecision>")
                        .append(decisions.getOrDefault(action, "allowed")).append("</EvalDecision>")
                        .append("<MatchedStatements/><MissingContextValues>");
                missingContext.getOrDefault(action, List.of())
                        .forEach(k -> xml.append("<member>").append(k).append("</member>"));
                xml.append("</MissingContextValues></member>");
            }
        }
        xml.append("</EvaluationResults><IsTruncated>").append(to < actions.size()).append("</IsTruncated>");
        if (to < actions.size()) {
            xml.append("<Marker>").append(to).append("</Marker>");
        }
        xml.append("</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</SimulatePrincipalPolicyResponse>");
        send(exchange, 200, xml.toString());
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
