package dev.faultline.testkit;

import dev.faultline.testkit.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A composite alarm's rule, as CloudWatch writes it: {@code ALARM("name")}, {@code OK(..)} and
 * {@code INSUFFICIENT_DATA(..)} on other alarms (by name or ARN, quoted or not), {@code TRUE},
 * {@code FALSE}, {@code NOT}, {@code AND}, {@code OR} (AND binds tighter) and parentheses.
 * A rule that cannot be read is refused when the alarm is put.
 */
final class AlarmRule {

    /** One node of the parsed rule. */
    private interface Node {
        boolean test(Function<String, Optional<AlarmState>> states);
    }

    private final String text;
    private final Node root;
    private final List<String> alarms = new ArrayList<>();
    private int at;

    private AlarmRule(String text) {
        this.text = text;
        this.root = or();
        skipSpace();
        if (at < text.length()) {
            throw error("unexpected '" + text.substring(at) + "'");
        }
    }

    /**
     * Reads a rule.
     *
     * @param text the rule
     * @return the rule
     * @throws ApiException (400 ValidationError) when it cannot be read
     */
    public static AlarmRule parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.length() > 10_240) {
            throw new ApiException(400, "ValidationError", "AlarmRule must have 1 to 10240 characters.");
        }
        return new AlarmRule(text);
    }

    /**
     * The alarms the rule names, in order.
     *
     * @return names or ARNs as written
     */
    public List<String> alarms() {
        return List.copyOf(alarms);
    }

    /**
     * Evaluates the rule; an alarm that does not exist is in no state.
     *
     * @param states the state of an alarm by name or ARN
     * @return true when the composite alarm is in ALARM
     */
    public boolean test(Function<String, Optional<AlarmState>> states) {
        return root.test(states);
    }

    @Override
    public String toString() {
        return text;
    }

    private Node or() {
        Node left = and();
        while (keyword("OR")) {
            Node a = left;
            Node b = and();
            left = s -> a.test(s) || b.test(s);
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (keyword("AND")) {
            Node a = left;
            Node b = unary();
            left = s -> a.test(s) && b.test(s);
        }
        return left;
    }

    private Node unary() {
        if (keyword("NOT")) {
            Node inner = unary();
            return s -> !inner.test(s);
        }
        skipSpace();
        if (at < text.length() && text.charAt(at) == '(') {
            at++;
            Node inner = or();
            expect(')');
            return inner;
        }
        if (keyword("TRUE")) {
            return s -> true;
        }
        if (keyword("FALSE")) {
            return s -> false;
        }
        for (AlarmState state : AlarmState.values()) {
            if (keyword(state.name())) {
                expect('(');
                String name = argument();
                expect(')');
                alarms.add(name);
                return s -> s.apply(name).filter(state::equals).isPresent();
            }
        }
        throw error("expected ALARM(..), OK(..), INSUFFICIENT_DATA(..), TRUE, FALSE, NOT or '('");
    }

    private String argument() {
        skipSpace();
        int start;
        int end;
        if (at < text.length() && text.charAt(at) == '"') {
            start = ++at;
            end = text.indexOf('"', start);
            if (end < 0) {
                throw error("an unclosed quote");
            }
            at = end + 1;
        } else {
            start = at;
            while (at < text.length() && text.charAt(at) != ')' && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            end = at;
        }
        if (end == start) {
            throw error("an empty alarm name");
        }
        return text.substring(start, end);
    }

    private boolean keyword(String word) {
        skipSpace();
        if (!text.startsWith(word, at)) {
            return false;
        }
        int after = at + word.length();
        if (after < text.length() && (Character.isLetterOrDigit(text.charAt(after)) || text.charAt(after) == '_')) {
            return false;
        }
        at = after;
        return true;
    }

    private void expect(char c) {
        skipSpace();
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private ApiException error(String what) {
        return new ApiException(400, "ValidationError", "AlarmRule cannot be read at character " + (at + 1) + ": "
                + what + ".");
    }
}
