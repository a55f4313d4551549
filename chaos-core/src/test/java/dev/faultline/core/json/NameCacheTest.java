package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache of names finds what it cached, by content, whatever its length, and keeps two names
 * whose hashes share a slot: a template with both does not intern one of them again on every read.
 */
class NameCacheTest {

    @Test
    void aCachedName_isFoundByItsBytes_andNotByOthers() {
        for (String name : List.of("", "a", "tags", "actionId", "resourceTags", "startInstancesAfterDuration",
                "Placement.AvailabilityZone", "x".repeat(NameCache.MAX_LENGTH), "Ünïcödé-Latin-1")) {
            byte[] b = padded(name);
            int hash = NameCache.hash(b, 0, name.length());
            String cached = NameCache.cached(b, 0, name.length(), hash);
            assertThat(cached).isEqualTo(name).isSameAs(name.intern());
            assertThat(NameCache.find(padded(name), 0, name.length(), hash)).isSameAs(cached);
            if (!name.isEmpty()) {
                // the same length, one byte different: first, in the middle, last
                for (int at : new int[] {0, name.length() / 2, name.length() - 1}) {
                    byte[] other = padded(name);
                    other[at] ^= 1;
                    assertThat(NameCache.find(other, 0, name.length(), NameCache.hash(other, 0, name.length())))
                            .as("%s changed at %d", name, at).isNull();
                }
            }
        }
    }

    @Test
    void twoNamesInOneSlot_bothStayCached() {
        List<String> sameSlot = sameSlot(3);
        String first = sameSlot.get(0);
        String second = sameSlot.get(1);
        cache(first);
        cache(second);
        for (int read = 0; read < 3; read++) {
            assertThat(find(first)).as("read %d", read).isSameAs(first.intern());
            assertThat(find(second)).as("read %d", read).isSameAs(second.intern());
        }
        // a third takes the second's place; the first stays
        cache(sameSlot.get(2));
        assertThat(find(first)).isSameAs(first.intern());
        assertThat(find(sameSlot.get(2))).isSameAs(sameSlot.get(2).intern());
    }

    /** Names whose hashes fall in one slot (the low ten bits), found by trying short names. */
    private static List<String> sameSlot(int count) {
        Map<Integer, List<String>> bySlot = new HashMap<>();
        for (int i = 0; ; i++) {
            String name = "slot" + i;
            byte[] b = padded(name);
            List<String> names = bySlot.computeIfAbsent(NameCache.hash(b, 0, name.length()) & 1023, k -> new ArrayList<>());
            names.add(name);
            if (names.size() == count) {
                return names;
            }
        }
    }

    private static void cache(String name) {
        byte[] b = padded(name);
        NameCache.cached(b, 0, name.length(), NameCache.hash(b, 0, name.length()));
    }

    private static String find(String name) {
        byte[] b = padded(name);
        return NameCache.find(b, 0, name.length(), NameCache.hash(b, 0, name.length()));
    }

    /** The name's bytes with the scan buffer's padding after them, filled with junk. */
    private static byte[] padded(String name) {
        byte[] b = new byte[name.length() + ScanBuffers.PADDING];
        java.util.Arrays.fill(b, (byte) '"');
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, b, 0, bytes.length);
        return b;
    }
}
