package dev.faultline.core.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The meanings and fixes of the violation codes, read once from {@code violation-codes.properties}. */
final class CodeTexts {

    private static final Properties TEXTS = load();

    private CodeTexts() {}

    /** The text under a key such as {@code parameter.unknown.fix}; fails loudly when it is missing. */
    static String text(String key) {
        String text = TEXTS.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("violation-codes.properties has no " + key);
        }
        return text;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = CodeTexts.class.getResourceAsStream("violation-codes.properties")) {
            if (in == null) {
                throw new IllegalStateException("violation-codes.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
