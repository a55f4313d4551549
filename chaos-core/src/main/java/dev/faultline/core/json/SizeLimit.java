package dev.faultline.core.json;

import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/**
 * The reader's size limit: a document over it gives one {@code json.document-too-large} error
 * and is not read further. Text and bytes whose length is known are refused before parsing;
 * streams are counted as they are read and cut at the limit.
 */
final class SizeLimit {

    private SizeLimit() {}

    /** Thrown by a counting stream when the document passes the limit; the reader turns it into a violation. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;
        final transient long max;
        final transient String unit;

        Exceeded(long max, String unit) {
            super("the document is over " + max + " " + unit);
            this.max = max;
            this.unit = unit;
        }
    }

    /** Checks a limit given by a caller. */
    static long checked(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        return maxBytes;
    }

    /** The result of a document refused for its size, {@code size} its length or -1 when only known to pass {@code max}. */
    static ReadResult refused(long size, long max, String unit) {
        return new ReadResult(null, ValidationResult.of(List.of(violation(size, max, unit))));
    }

    /** The violation of a document over the limit. */
    static Violation violation(long size, long max, String unit) {
        String has = size < 0 ? "more than " + max + " " + unit : size + " " + unit;
        return Violation.error(ViolationCode.JSON_DOCUMENT_TOO_LARGE, "", "The document has " + has
                + ", over the reader's limit of " + max + " " + unit + "; it was not read further.",
                "FIS accepts nothing near this size: split the template. Raise the limit only for a test"
                        + " (TemplateJson.read(..., maxBytes), lint --max-size).");
    }

    /** A byte stream that fails with {@link Exceeded} once more than {@code max} bytes have been read. */
    static InputStream bytes(InputStream in, long max) {
        Budget budget = new Budget(max, "bytes");
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    budget.spend(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    budget.spend(n);
                }
                return n;
            }
        };
    }

    /** A character stream that fails with {@link Exceeded} once more than {@code max} characters have been read. */
    static Reader chars(Reader in, long max) {
        Budget budget = new Budget(max, "characters");
        return new FilterReader(in) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    budget.spend(1);
                }
                return c;
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    budget.spend(n);
                }
                return n;
            }
        };
    }

    /** What a counting stream has read so far, against its limit. */
    private static final class Budget {
        private final long max;
        private final String unit;
        private long count;

        Budget(long max, String unit) {
            this.max = max;
            this.unit = unit;
        }

        /** Counts {@code n} more units read; throws once the limit is passed. */
        void spend(int n) throws Exceeded {
            count += n;
            if (count > max) {
                throw new Exceeded(max, unit);
            }
        }
    }
}
