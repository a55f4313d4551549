package dev.faultline.core.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable JSON tree that, unlike Jackson's, keeps duplicate field names, number text as
 * written and raw text spliced in (deep nesting, garbage): the material of {@link JsonMutator}.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {}

    /** A JSON value. */
    interface Node {
        Node copy();
    }

    /** An object: its members in order, duplicates allowed. */
    static final class Obj implements Node {
        final List<Member> members = new ArrayList<>();

        @Override
        public Node copy() {
            Obj o = new Obj();
            members.forEach(m -> o.members.add(new Member(m.name, m.value.copy())));
            return o;
        }
    }

    /** One member of an object. */
    static final class Member {
        String name;
        Node value;

        Member(String name, Node value) {
            this.name = name;
            this.value = value;
        }
    }

    /** An array. */
    static final class Arr implements Node {
        final List<Node> items = new ArrayList<>();

        @Override
        public Node copy() {
            Arr a = new Arr();
            items.forEach(i -> a.items.add(i.copy()));
            return a;
        }
    }

    /** JSON text written as is: a scalar ({@code "x"}, {@code 1e3}, {@code null}) or anything spliced in. */
    static final class Raw implements Node {
        final String json;

        Raw(String json) {
            this.json = json;
        }

        static Raw string(String value) {
            return new Raw("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"");
        }

        @Override
        public Node copy() {
            return this;
        }
    }

    /** Parses JSON text that is known to be well-formed. */
    static Node parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p, p.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node read(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            Obj o = new Obj();
            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                String name = p.currentName();
                o.members.add(new Member(name, read(p, p.nextToken())));
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            Arr a = new Arr();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                a.items.add(read(p, i));
            }
            return a;
        }
        return t == JsonToken.VALUE_STRING ? Raw.string(p.getText()) : new Raw(p.getText());
    }

    /** Writes a tree as JSON text, compact or indented. */
    static String write(Node node, boolean pretty) {
        StringBuilder out = new StringBuilder(4096);
        write(node, pretty, 0, out);
        return out.toString();
    }

    private static void write(Node node, boolean pretty, int depth, StringBuilder out) {
        if (node instanceof Raw) {
            out.append(((Raw) node).json);
        } else if (node instanceof Obj) {
            List<Member> members = ((Obj) node).members;
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(pretty, depth + 1, out);
                out.append(Raw.string(members.get(i).name).json).append(pretty ? ": " : ":");
                write(members.get(i).value, pretty, depth + 1, out);
            }
            if (!members.isEmpty()) {
                newline(pretty, depth, out);
            }
            out.append('}');
        } else {
            List<Node> items = ((Arr) node).items;
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(pretty, depth + 1, out);
                write(items.get(i), pretty, depth + 1, out);
            }
            if (!items.isEmpty()) {
                newline(pretty, depth, out);
            }
            out.append(']');
        }
    }

    private static void newline(boolean pretty, int depth, StringBuilder out) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }
}
