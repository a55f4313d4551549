package dev.faultline.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The field names of one object of the template JSON ({@link Fields}), as {@link PlainScan#field}
 * matches them in the text: each name's length and its first sixteen bytes as two words (read as
 * {@link WordScan#word} reads the text), so that a field name costs a few comparisons of
 * {@code long}s, with no hash, cache lookup or string.
 */
final class FieldNames {

    static final FieldNames TEMPLATE = new FieldNames(Fields.TEMPLATE);
    static final FieldNames TARGET = new FieldNames(Fields.TARGET);
    static final FieldNames FILTER = new FieldNames(Fields.FILTER);
    static final FieldNames ACTION = new FieldNames(Fields.ACTION);
    static final FieldNames STOP_CONDITION = new FieldNames(Fields.STOP_CONDITION);
    static final FieldNames OPTIONS = new FieldNames(Fields.OPTIONS);
    static final FieldNames LOG = new FieldNames(Fields.LOG);
    static final FieldNames CLOUDWATCH_LOGS = new FieldNames(Fields.CLOUDWATCH_LOGS);
    static final FieldNames S3 = new FieldNames(Fields.S3);

    /** The names' lengths, in the order of the list. */
    final int[] lengths;
    /** The names' first eight bytes, as {@link WordScan#word}. */
    final long[] first;
    /** The names' next eight bytes, as {@link WordScan#word}; 0 for a name of eight or fewer. */
    final long[] second;
    /** The names' bytes, with eight to spare, for a name over sixteen. */
    final byte[][] bytes;

    private FieldNames(List<String> names) {
        int n = names.size();
        lengths = new int[n];
        first = new long[n];
        second = new long[n];
        bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.US_ASCII);
            int length = name.length;
            bytes[i] = Arrays.copyOf(name, length + 8);
            lengths[i] = length;
            first[i] = WordScan.word(bytes[i], 0, length);
            second[i] = length > 8 ? WordScan.word(bytes[i], 8, length) : 0;
        }
    }
}
