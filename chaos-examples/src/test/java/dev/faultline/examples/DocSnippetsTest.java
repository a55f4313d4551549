package dev.faultline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Chaos;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pastes every Java snippet of the README and docs/dsl.md into JShell, line by line as a
 * terminal would (JShell runs a line as soon as it is a complete statement), after JShell's
 * default imports and {@code ./faultline shell}'s startup script, and asserts that every
 * statement evaluates. A block that starts with {@code // does not compile} must be rejected
 * statement by statement; a block after {@code <!-- jshell: skip (why) -->} is a program's code.
 */
class DocSnippetsTest {

    private static final String DEFAULT_IMPORTS = "import java.io.*;\nimport java.math.*;\nimport java.net.*;\n"
            + "import java.nio.file.*;\nimport java.util.*;\nimport java.util.concurrent.*;\n"
            + "import java.util.function.*;\nimport java.util.regex.*;\nimport java.util.stream.*;\n";

    @ParameterizedTest
    @ValueSource(strings = {"../README.md", "../docs/dsl.md"})
    void everySnippet_pastesIntoTheShell(String doc) throws Exception {
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
                JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            classPath().forEach(shell::addToClasspath);
            paste(shell, DEFAULT_IMPORTS + Files.readString(Path.of("jshell", "faultline-startup.jsh")), false, problems);
            assertThat(problems).as("the startup script").isEmpty();
            int blocks = 0;
            for (String block : blocks(Files.readString(Path.of(doc)))) {
                blocks++;
                paste(shell, block, block.startsWith("// does not compile"), problems);
            }
            assertThat(blocks).as(doc + " has snippets").isPositive();
        }
        assertThat(problems).as(doc).isEmpty();
    }

    /** The {@code ```java} blocks of a Markdown text, less those marked to skip. */
    static List<String> blocks(String markdown) {
        List<String> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```java")) {
                continue;
            }
            boolean skip = i > 0 && lines[i - 1].startsWith("<!-- jshell: skip (");
            StringBuilder block = new StringBuilder();
            for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
                block.append(lines[i]).append('\n');
            }
            if (!skip) {
                out.add(block.toString());
            }
        }
        return out;
    }

    /** Feeds text line by line, evaluating each statement once it is complete, as the JShell tool does. */
    private static void paste(JShell shell, String text, boolean mustFail, List<String> problems) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String pending = "";
        for (String line : text.split("\n", -1)) {
            pending += line + "\n";
            while (!pending.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
                if (!info.completeness().isComplete() && info.completeness() != SourceCodeAnalysis.Completeness.UNKNOWN) {
                    break;
                }
                check(shell, info.source(), mustFail, problems);
                pending = info.remaining();
            }
        }
        if (!pending.isBlank()) {
            problems.add("left incomplete at the end of the snippet: " + pending.strip());
        }
    }

    private static void check(JShell shell, String source, boolean mustFail, List<String> problems) {
        if (source.isBlank() || source.strip().startsWith("//") && !source.contains("\n")) {
            return;
        }
        boolean failed = false;
        StringBuilder why = new StringBuilder();
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                failed = true;
                shell.diagnostics(e.snippet()).forEach(d -> why.append(' ').append(d.getMessage(null)));
            }
            if (e.exception() != null) {
                failed = true;
                why.append(' ').append(e.exception());
            }
        }
        if (failed != mustFail) {
            problems.add((mustFail ? "evaluated, but the docs say it does not compile: " : "rejected: ")
                    + source.strip() + why);
        }
    }

    private static List<String> classPath() {
        return Stream.of(Chaos.class, Experiment.class, JsonFactory.class, ObjectMapper.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class, org.slf4j.LoggerFactory.class)
                .map(DocSnippetsTest::location).distinct().toList();
    }

    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
