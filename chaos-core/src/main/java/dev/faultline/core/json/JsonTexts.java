package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How the reader names what it found in its messages: numbers, tokens and enum values. */
final class JsonTexts {

    private JsonTexts() {}

    /** A number as text, cut when it is very long (a thousand digits say nothing more than fifty). */
    static String shortNumber(BigDecimal n) {
        String text = n.precision() > 40 ? n.round(new java.math.MathContext(12)).toString() : n.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** What a token is, in words: "an object", "a string", "the end of the document". */
    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the document";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    /** The names of an enum's values, in declaration order. */
    static List<String> enumNames(Enum<?>[] values) {
        List<String> names = new ArrayList<>(values.length);
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }
}
