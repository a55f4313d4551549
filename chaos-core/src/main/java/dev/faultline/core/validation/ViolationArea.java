package dev.faultline.core.validation;

/**
 * The fixed set of areas of {@link ViolationCode}s, following the template's structure: the
 * part of every code before the dot.
 */
public enum ViolationArea {
    /** {@code json.*} codes. */
    JSON("json"),
    /** {@code template.*} codes. */
    TEMPLATE("template"),
    /** {@code stop-condition.*} codes. */
    STOP_CONDITION("stop-condition"),
    /** {@code quota.*} codes. */
    QUOTA("quota"),
    /** {@code target.*} codes. */
    TARGET("target"),
    /** {@code action.*} codes. */
    ACTION("action"),
    /** {@code parameter.*} codes. */
    PARAMETER("parameter"),
    /** {@code log.*} codes. */
    LOG("log"),
    /** {@code report.*} codes. */
    REPORT("report"),
    /** {@code account.*} codes. */
    ACCOUNT("account"),
    /** {@code arn.*} codes. */
    ARN("arn"),
    /** {@code graph.*} codes. */
    GRAPH("graph"),
    /** {@code hypothesis.*} codes. */
    HYPOTHESIS("hypothesis"),
    /** {@code policy.*} codes. */
    POLICY("policy"),
    /** {@code cfn.*} codes. */
    CFN("cfn"),
    /** {@code input.*} codes: the file given to a command, before it is read as a template. */
    INPUT("input");

    private final String word;

    ViolationArea(String word) {
        this.word = word;
    }

    /**
     * The area's word, the part of a code before the dot.
     *
     * @return the word, such as {@code stop-condition}
     */
    public String word() {
        return word;
    }

    static ViolationArea of(String word) {
        for (ViolationArea a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no area " + word);
    }
}
