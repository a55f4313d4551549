package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.model.TemplateMetadata;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads the read-only fields FIS gives a template it returns (id, ARN, client token, times,
 * target account count), made only for a template that has any.
 */
final class MetadataReader {

    /** The range of {@link Instant} in epoch seconds (about ±3.2e16), the upper bound excluded. */
    private static final BigDecimal MIN_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal END_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond() + 1);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final JsonInput in;
    private final TemplateMetadata.Builder meta = TemplateMetadata.builder();

    MetadataReader(JsonInput in) {
        this.in = in;
    }

    /** Reads one metadata field, positioned on its value. */
    void read(String name, JsonPointer at) throws IOException {
        switch (name) {
            case "id":
                meta.id(in.optString(at));
                break;
            case "arn":
                meta.arn(in.optString(at));
                break;
            case "clientToken":
                meta.clientToken(in.optString(at));
                break;
            case "creationTime":
                meta.creationTime(Optional.ofNullable(instant(at)));
                break;
            case "lastUpdateTime":
                meta.lastUpdateTime(Optional.ofNullable(instant(at)));
                break;
            default:
                Long n = in.wholeNumber(at, "targetAccountConfigurationsCount", Long.MAX_VALUE,
                        "Use the number of target account configurations, a whole number from 0.");
                if (n != null) {
                    meta.targetAccountConfigurationsCount(n);
                }
                break;
        }
    }

    /** The metadata read. */
    TemplateMetadata build() {
        return meta.build();
    }

    /** The current value as epoch seconds or an ISO-8601 date-time with an offset; a problem is reported. */
    private Instant instant(JsonPointer path) throws IOException {
        JsonToken t = in.p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return epochSeconds(path, in.p.getDecimalValue());
        }
        String text = in.string(path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            in.violations.add(Violation.error(ViolationCode.JSON_VALUE_TYPE, path.toString(), "'" + text + "' is not a timestamp.",
                    "Use epoch seconds or an ISO-8601 date-time with an offset."));
            return null;
        }
    }

    /**
     * An instant from epoch seconds, truncated to the nanosecond. Compares magnitudes before any
     * arithmetic, so that {@code 1e1000000} or {@code 1e-1000000} costs no more than {@code 1}
     * (aligning the scales of such numbers would build a million-digit integer).
     */
    private Instant epochSeconds(JsonPointer path, BigDecimal seconds) {
        if (seconds.compareTo(MIN_EPOCH_SECONDS) < 0 || seconds.compareTo(END_EPOCH_SECONDS) >= 0) {
            return outOfRange(path, seconds);
        }
        BigDecimal nanos = seconds.movePointRight(9);
        if (nanos.precision() - nanos.scale() <= 0) {
            return Instant.EPOCH; // under a nanosecond
        }
        BigInteger[] split = nanos.toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
        try {
            return Instant.ofEpochSecond(split[0].longValueExact(), split[1].longValue());
        } catch (DateTimeException | ArithmeticException e) {
            return outOfRange(path, seconds);
        }
    }

    private Instant outOfRange(JsonPointer path, BigDecimal seconds) {
        in.violations.add(Violation.error(ViolationCode.JSON_VALUE_TYPE, path.toString(), "The timestamp " + seconds + " is out of range.",
                "Use epoch seconds or an ISO-8601 date-time with an offset."));
        return null;
    }
}
