package dev.faultline.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one connection's bytes under deadlines: every read waits at most until the current
 * deadline, so a client that sends slowly (or not at all) times out as a whole, not per byte.
 */
final class WireReader {

    /** The client took too long; the message says for what. */
    static final class Timeout extends IOException {
        private static final long serialVersionUID = 1L;

        Timeout(String what) {
            super(what);
        }
    }

    /** The client sent more than a limit allows. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String what) {
            super(what);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    private long deadlineNanos;
    private String waitingFor = "the request";

    WireReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Sets the deadline of the reads to come. */
    void deadline(long millis, String what) {
        this.deadlineNanos = System.nanoTime() + millis * 1_000_000L;
        this.waitingFor = what;
    }

    /** True when bytes are already buffered (a pipelined request). */
    boolean buffered() {
        return pos < lim;
    }

    private boolean fill() throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new Timeout(waitingFor);
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        try {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        } catch (SocketTimeoutException e) {
            throw new Timeout(waitingFor);
        }
    }

    /** One byte, or -1 at the end of the stream. */
    int read() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /**
     * One line (without its CR LF), or null at the end of the stream before any byte.
     *
     * @param budget the bytes left for the whole head
     */
    String line(int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = read()) >= 0) {
            if (--budget[0] < 0) {
                throw new TooLarge("the request line and headers");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new IOException("the connection closed within a line");
    }

    /** Exactly {@code n} bytes into {@code out} at {@code off}. */
    void readFully(byte[] out, int off, int n) throws IOException {
        int done = 0;
        while (done < n) {
            if (pos >= lim && !fill()) {
                throw new IOException("the connection closed within the body");
            }
            int k = Math.min(n - done, lim - pos);
            System.arraycopy(buf, pos, out, off + done, k);
            pos += k;
            done += k;
        }
    }
}
