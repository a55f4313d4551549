package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bytes on the wire: statuses, error headers and bodies, timestamps, as FIS sends them. */
class WireFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ManualClock clock;
    private LocalFis local;

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock).start();
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.endpoint() + path))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String template(int actions, int stopConditions) {
        StringJoiner a = new StringJoiner(",", "{", "}");
        for (int i = 0; i < actions; i++) {
            // chained by startAfter, so that the parallel-actions quota (10) is not what fails
            a.add("\"Wait" + i + "\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}"
                    + (i == 0 ? "" : ",\"startAfter\":[\"Wait" + (i - 1) + "\"]") + "}");
        }
        StringJoiner s = new StringJoiner(",", "[", "]");
        for (int i = 0; i < stopConditions; i++) {
            s.add("{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:A" + i + "\"}");
        }
        return "{\"clientToken\":\"" + actions + "-" + stopConditions + "\",\"description\":\"d\","
                + "\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"stopConditions\":" + s + ",\"actions\":" + a + "}";
    }

    @Test
    void errors_carryTheTypeHeader_andAMessageBody() throws Exception {
        HttpResponse<String> r = send("GET", "/experimentTemplates/EXTnope", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("EXTnope");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void quotas_twentyActionsAndFiveStopConditions_areEnforcedByTheValidator() throws Exception {
        HttpResponse<String> ok = send("POST", "/experimentTemplates", template(20, 5));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        HttpResponse<String> actions = send("POST", "/experimentTemplates", template(21, 1));
        assertThat(actions.statusCode()).isEqualTo(400);
        assertThat(actions.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
        assertThat(JSON.readTree(actions.body()).path("message").asText()).contains("20");
        HttpResponse<String> stops = send("POST", "/experimentTemplates", template(1, 6));
        assertThat(stops.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stops.body()).path("message").asText()).contains("5");
    }

    @Test
    void timestamps_areEpochSeconds() throws Exception {
        clock.advance(Duration.ofMillis(1500));
        JsonNode t = JSON.readTree(send("POST", "/experimentTemplates", template(1, 0)).body()).path("experimentTemplate");
        assertThat(t.path("creationTime").isNumber()).isTrue();
        assertThat(t.path("creationTime").decimalValue()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(Clocks.EPOCH.getEpochSecond()).add(new java.math.BigDecimal("1.5")));
    }

    @Test
    void maxResults_outOfRange_andBadNextToken_are400s() throws Exception {
        assertThat(send("GET", "/experimentTemplates?maxResults=0", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/experimentTemplates?maxResults=101", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/actions?nextToken=garbage", null).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownOperation_is404() throws Exception {
        HttpResponse<String> r = send("GET", "/nothing-here", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void tagPaths_acceptPercentEncodedArns() throws Exception {
        String arn = JSON.readTree(send("POST", "/experimentTemplates", template(1, 0)).body())
                .path("experimentTemplate").path("arn").asText();
        String path = "/tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8);
        assertThat(send("POST", path, "{\"tags\":{\"k\":\"v\"}}").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", path, null).body()).path("tags").path("k").asText()).isEqualTo("v");
        assertThat(send("GET", "/tags/" + URLEncoder.encode("arn:aws:fis:us-east-1:123456789012:experiment/EXPnope",
                StandardCharsets.UTF_8), null).statusCode()).isEqualTo(404);
    }

    @Test
    void cloudWatchThrottling_usesTheQueryErrorShape() throws Exception {
        local.faults(Faults.builder().throttling(1).build());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(local.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeAlarms&Version=2010-08-01")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>Throttling</Code>");
    }

    @Test
    void cloudWatchRpcV2Cbor_describesAlarms_andReportsErrorsWithTheQueryErrorHeader() throws Exception {
        var cbor = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper();
        local.alarms().create("Cbor");
        String base = local.endpoint() + "/service/GraniteServiceVersion20100801/operation/";
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "DescribeAlarms"))
                .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cbor.writeValueAsBytes(
                        java.util.Map.of("AlarmNames", java.util.List.of("Cbor"))))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode alarm = cbor.readTree(r.body()).path("MetricAlarms").path(0);
        assertThat(alarm.path("AlarmName").asText()).isEqualTo("Cbor");
        assertThat(alarm.path("StateValue").asText()).isEqualTo("OK");
        assertThat(alarm.path("StateUpdatedTimestamp").isNumber()).isTrue();

        HttpResponse<byte[]> missing = HTTP.send(HttpRequest.newBuilder(URI.create(base + "SetAlarmState"))
                .header("Content-Type", "application/cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cbor.writeValueAsBytes(java.util.Map.of(
                        "AlarmName", "Nope", "StateValue", "OK", "StateReason", "x")))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-query-error")).hasValue("ResourceNotFound;Sender");
        assertThat(cbor.readTree(missing.body()).path("__type").asText()).endsWith("#ResourceNotFound");
    }
}
