package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scans eight bytes at a time give what a loop over one byte at a time gives, wherever the
 * answer falls in a word, whatever bytes the text holds (ISO-8859-1 as well as ASCII) and whatever
 * junk lies past the end of the text.
 */
class WordScanTest {

    /** Bytes a template is made of, with the ones the scans look for well represented. */
    private static final byte[] ALPHABET = {'"', '\\', ' ', ' ', ' ', '\n', '\t', '\r', 0, 0x1F, 0x7F, (byte) 0x80,
        (byte) 0xA0, (byte) 0xDC, (byte) 0xFF, '!', '#', '[', ']', '{', '}', ':', ',', 'a', 'z', 'A', '0', '-'};

    static LongStream seeds() {
        return Seeds.cases("word-scan");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void everyScan_isTheByteByByteLoop(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int end = random.nextInt(40);
        byte[] b = new byte[end + ScanBuffers.PADDING];
        boolean sparse = random.nextBoolean(); // long runs of letters or of spaces, then the byte looked for
        byte run = random.nextBoolean() ? (byte) ' ' : (byte) 'x';
        for (int i = 0; i < b.length; i++) {
            b[i] = sparse && random.nextInt(10) > 0 ? run : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String context = "seed=" + seed + " (rerun with -Dfaultline.seed=" + seed + ")";
        for (int from = 0; from < end; from++) {
            for (int limit = from; limit <= end; limit++) {
                assertThat(WordScan.stringEnd(b, from, limit)).as("%s, stringEnd from %d to %d", context, from, limit)
                        .isEqualTo(stringEnd(b, from, limit));
                assertThat(WordScan.isAscii(b, from, limit)).as("%s, isAscii from %d to %d", context, from, limit)
                        .isEqualTo(isAscii(b, from, limit));
            }
            assertThat(WordScan.spaces(b, from)).as("%s, spaces at %d", context, from).isEqualTo(spaces(b, from));
            for (int to = from; to <= end; to++) {
                assertThat(WordScan.word(b, from, to)).as("%s, word %d to %d", context, from, to).isEqualTo(word(b, from, to));
            }
        }
    }

    @Test
    void aQuoteInTheJunkPastTheLimit_isNotTheEndOfTheString() {
        byte[] b = "abc\"defg\"hijklmno".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(WordScan.stringEnd(b, 0, 3)).isEqualTo(-1);
        assertThat(WordScan.stringEnd(b, 0, 4)).isEqualTo(3);
        assertThat(WordScan.stringEnd(b, 4, 8)).isEqualTo(-1);
        assertThat(WordScan.stringEnd(b, 4, 9)).isEqualTo(8);
    }

    private static int stringEnd(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (b[i] == '"' || b[i] == '\\' || b[i] >= 0 && b[i] < 0x20) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int spaces(byte[] b, int at) {
        int n = 0;
        while (n < 8 && b[at + n] == ' ') {
            n++;
        }
        return n;
    }

    private static long word(byte[] b, int start, int end) {
        long w = 0;
        for (int i = Math.min(end, start + 8) - 1; i >= start; i--) {
            w = w << 8 | (b[i] & 0xFF);
        }
        return w;
    }
}
