package dev.faultline.core.json;

/**
 * The plain parser's scan buffers: one per thread, lent to one parser at a time and given back
 * when it closes, so that the text is scanned as a {@code char[]}, as Jackson scans its recycled
 * buffer, rather than through {@code String.charAt}, without a new array per read (see
 * docs/performance.md, "Validation throughput"). A second parser on the thread while the buffer is
 * lent gets one of its own; a text over {@value #MAX_RECYCLED} characters gets one that is not
 * kept.
 */
final class CharBuffers {

    /** The longest buffer kept for the next parser on the thread (128 KB). */
    static final int MAX_RECYCLED = 64 * 1024;

    private static final ThreadLocal<char[]> FREE = new ThreadLocal<>();

    private CharBuffers() {}

    /** A buffer of at least {@code length} characters, lent until {@link #giveBack(char[])}. */
    static char[] lend(int length) {
        char[] kept = FREE.get();
        if (kept != null && kept.length >= length) {
            FREE.set(null); // lent: a second parser on this thread gets a buffer of its own
            return kept;
        }
        return new char[length <= MAX_RECYCLED ? Math.max(length, 4096) : length];
    }

    /** Keeps a lent buffer for the next parser on this thread, unless it is over {@link #MAX_RECYCLED}. */
    static void giveBack(char[] buffer) {
        if (buffer.length <= MAX_RECYCLED) {
            FREE.set(buffer);
        }
    }
}
