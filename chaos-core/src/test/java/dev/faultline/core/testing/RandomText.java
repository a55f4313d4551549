package dev.faultline.core.testing;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random text for generated templates, drawn from a seeded random: ASCII (with the quotes,
 * backslashes, slashes and tildes that JSON and JSON Pointer escape), control characters,
 * accented Latin, Greek and Cyrillic, right-to-left scripts, combining marks, CJK, Hangul,
 * line and paragraph separators, and supplementary characters (emoji, mathematical letters)
 * that take two UTF-16 units. Lengths are counted in code points, as FIS counts them.
 *
 * <pre>{@code
 * RandomText text = new RandomText(new SplittableRandom(42));
 * String description = text.any(1, 80);
 * String name = text.name(20);
 * }</pre>
 */
public final class RandomText {

    /** Code point ranges, inclusive, one of which is drawn uniformly before a code point in it. */
    private static final int[][] BLOCKS = {
        {0x20, 0x7E},       // printable ASCII, with " \ / ~ < > $ { }
        {0x20, 0x7E},       // (twice: ASCII dominates real templates)
        {0x30, 0x39},       // digits
        {0x00, 0x1F},       // C0 controls, escaped by JSON
        {0xA0, 0x24F},      // Latin-1 supplement and Latin extended
        {0x300, 0x36F},     // combining diacritical marks
        {0x370, 0x4FF},     // Greek and Cyrillic
        {0x5D0, 0x5EA},     // Hebrew
        {0x620, 0x64A},     // Arabic
        {0x900, 0x97F},     // Devanagari
        {0x2028, 0x2029},   // line and paragraph separators
        {0x3000, 0x3000},   // ideographic space
        {0xFEFF, 0xFEFF},   // byte order mark
        {0x4E00, 0x9FFF},   // CJK unified ideographs
        {0xAC00, 0xD7A3},   // Hangul syllables
        {0x1F300, 0x1F64F}, // emoji (surrogate pairs)
        {0x1D400, 0x1D7FF}, // mathematical alphanumerics (surrogate pairs)
        {0x20000, 0x2A6DF}, // CJK extension B (surrogate pairs)
    };

    /** Letters of several scripts, all {@link Character#isLetter(int)}. */
    private static final int[][] LETTERS = {
        {'a', 'z'}, {'A', 'Z'}, {0xC0, 0xD6}, {0xE0, 0xF6}, {0x3B1, 0x3C9}, {0x430, 0x44F},
        {0x5D0, 0x5EA}, {0x4E00, 0x4FFF}, {0xAC00, 0xAFFF}, {0x1D400, 0x1D454},
    };

    private static final String ASCII_WORD = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String TARGET_PARAMETER_EXTRA = "_.:/=+-@ ";

    private final SplittableRandom random;

    /**
     * Creates a text source on a random.
     *
     * @param random the seeded random that decides every character
     */
    public RandomText(SplittableRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Any text of {@code min} to {@code max} code points, from every block.
     *
     * @param min the fewest code points
     * @param max the most code points
     * @return the text
     */
    public String any(int min, int max) {
        int n = length(min, max);
        StringBuilder s = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            int[] block = BLOCKS[random.nextInt(BLOCKS.length)];
            s.appendCodePoint(block[0] + random.nextInt(block[1] - block[0] + 1));
        }
        return s.toString();
    }

    /**
     * Text of 1 to {@code max} code points with at least one letter, so never blank: for the
     * names of targets and actions, tag keys and descriptions.
     *
     * @param max the most code points, at least 1
     * @return the text
     */
    public String name(int max) {
        String rest = any(0, max - 1);
        int at = random.nextInt(rest.codePointCount(0, rest.length()) + 1);
        int offset = rest.offsetByCodePoints(0, at);
        return rest.substring(0, offset) + new String(Character.toChars(letter())) + rest.substring(offset);
    }

    /**
     * Text FIS accepts as a target parameter value: letters of any script, digits, spaces and
     * {@code _ . : / = + - @}, starting with a letter.
     *
     * @param max the most code points, at least 1
     * @return the text
     */
    public String targetParameterValue(int max) {
        int n = length(1, max);
        StringBuilder s = new StringBuilder().appendCodePoint(letter());
        for (int i = 1; i < n; i++) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                s.append(TARGET_PARAMETER_EXTRA.charAt(random.nextInt(TARGET_PARAMETER_EXTRA.length())));
            } else if (pick == 1) {
                s.append((char) ('0' + random.nextInt(10)));
            } else {
                s.appendCodePoint(letter());
            }
        }
        return s.toString();
    }

    /**
     * Lower-case ASCII letters and digits, as in resource ids and bucket names.
     *
     * @param min the fewest characters
     * @param max the most characters
     * @return the word
     */
    public String word(int min, int max) {
        return from(ASCII_WORD, min, max);
    }

    /**
     * Characters drawn from an alphabet.
     *
     * @param alphabet the characters to draw from (BMP only)
     * @param min the fewest characters
     * @param max the most characters
     * @return the text
     */
    public String from(String alphabet, int min, int max) {
        int n = length(min, max);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /**
     * A random letter of one of several scripts.
     *
     * @return the code point
     */
    public int letter() {
        int[] block = LETTERS[random.nextInt(LETTERS.length)];
        return block[0] + random.nextInt(block[1] - block[0] + 1);
    }

    /** A length from min to max, short lengths being more likely than long ones. */
    private int length(int min, int max) {
        if (max <= min) {
            return min;
        }
        int span = max - min;
        int cap = random.nextInt(4) == 0 ? span : Math.min(span, 12);
        return min + random.nextInt(cap + 1);
    }
}
