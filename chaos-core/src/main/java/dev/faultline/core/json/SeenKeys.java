package dev.faultline.core.json;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys of one JSON object read so far, to report a repeated key. Objects in templates have
 * a few keys, so they are compared one by one, with no hash set, until there are more.
 */
final class SeenKeys {

    private static final int LINEAR = 8;

    private String first;
    private String[] keys;
    private int size;
    private Set<String> many;

    /**
     * Records a key.
     *
     * @param key the key
     * @return true if the key had not been seen in this object
     */
    boolean add(String key) {
        if (many != null) {
            return many.add(key);
        }
        if (size == 0) {
            first = key;
            size = 1;
            return true;
        }
        if (first.equals(key)) {
            return false;
        }
        for (int i = 0; i < size - 1; i++) {
            if (keys[i].equals(key)) {
                return false;
            }
        }
        if (size == LINEAR) {
            many = new HashSet<>();
            many.add(first);
            for (int i = 0; i < size - 1; i++) {
                many.add(keys[i]);
            }
            return many.add(key);
        }
        if (keys == null) {
            keys = new String[LINEAR - 1];
        }
        keys[size - 1] = key;
        size++;
        return true;
    }
}
