package dev.faultline.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The request and reply types of LocalFis's HTTP server. */
public final class HttpMessages {

    private HttpMessages() {}

    /**
     * One request as read from the wire.
     *
     * @param method the method, as sent
     * @param target the request target (raw path and query)
     * @param headers the headers, names in lower case (the last value of a repeated header)
     * @param body the body (empty when none)
     */
    public record In(String method, String target, Map<String, String> headers, byte[] body) {

        /**
         * The value of a header.
         *
         * @param name the name, any case
         * @return the value, or null
         */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /**
         * The raw path, without the query.
         *
         * @return the path
         */
        public String rawPath() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /**
         * The raw query, or null.
         *
         * @return the query
         */
        public String rawQuery() {
            int q = target.indexOf('?');
            return q < 0 ? null : target.substring(q + 1);
        }
    }

    /**
     * One reply.
     *
     * @param status the HTTP status
     * @param headers the headers to send (Content-Length is added)
     * @param body the body
     * @param reset true to announce a longer body than sent and close: a connection reset mid-answer
     */
    public record Out(int status, Map<String, String> headers, byte[] body, boolean reset) {

        /**
         * Checks the reply.
         *
         * @param status the status
         * @param headers the headers
         * @param body the body
         * @param reset whether to cut the answer short
         */
        public Out {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(new LinkedHashMap<>(headers));
        }

        /**
         * A complete reply.
         *
         * @param status the status
         * @param headers the headers
         * @param body the body
         * @return the reply
         */
        public static Out of(int status, Map<String, String> headers, byte[] body) {
            return new Out(status, headers, body, false);
        }

        /**
         * A reply cut short: the headers announce 1024 bytes, none follow, the connection closes.
         *
         * @return the reply
         */
        public static Out cutShort() {
            return new Out(200, Map.of("Content-Type", "application/json"), new byte[0], true);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers.
         *
         * @param request the request
         * @return the reply
         */
        Out handle(In request);
    }

    /** Builds the reply for an error of the HTTP layer itself, before any handler ran. */
    @FunctionalInterface
    public interface Refusal {
        /**
         * Builds the reply.
         *
         * @param status the HTTP status (400, 408, 413, 431, 503 …)
         * @param type the error type for {@code x-amzn-ErrorType}
         * @param message what was wrong, for the client
         * @return the reply
         */
        Out refuse(int status, String type, String message);
    }
}
