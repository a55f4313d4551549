package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/validation.md lists every code that the reader and the rules can emit, so it does not rot. */
class ValidationDocsTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/faultline/core");
    private static final Path DOCS = Path.of("../docs/validation.md");
    private static final Pattern CODE = Pattern.compile("Violation\\.(?:error|warning)\\(\\s*\"([^\"]+)\"");
    private static final Pattern SUFFIX = Pattern.compile("prefix \\+ \"([^\"]+)\"");
    private static final List<String> PREFIXES = List.of("parameter", "target.parameter", "ssm.parameter");

    private static Set<String> emittedCodes() throws IOException {
        Set<String> all = codesUnder(SOURCES);
        all.removeIf(code -> code.startsWith("policy."));
        return all;
    }

    private static Set<String> codesUnder(Path sources) throws IOException {
        Set<String> codes = new TreeSet<>();
        Set<String> suffixes = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = CODE.matcher(text);
            while (m.find()) {
                codes.add(m.group(1));
            }
            Matcher s = SUFFIX.matcher(text);
            while (s.find()) {
                suffixes.add(s.group(1));
            }
        }
        for (String prefix : PREFIXES) {
            for (String suffix : suffixes) {
                codes.add(prefix + suffix);
            }
        }
        return codes;
    }

    @Test
    void docs_listEveryCodeAsAHeading() throws IOException {
        Set<String> codes = emittedCodes();
        assertThat(codes).as("the scan finds the codes").contains("json.syntax", "required", "parameter.duration-range",
                "ssm.parameter.range", "graph.cycle", "placeholder").hasSizeGreaterThan(80);
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                Matcher m = Pattern.compile("`([^`]+)`").matcher(line);
                while (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        assertThat(documented).as("codes in docs/validation.md headings").containsAll(codes);
        assertThat(codes).as("documented codes that no source emits").containsAll(documented);
    }

    @Test
    void policyDocs_nameEveryPolicyCode() throws IOException {
        Set<String> policyCodes = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(SOURCES.resolve("policy"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                Matcher m = Pattern.compile("\"(policy\\.[a-z-]+)\"").matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    policyCodes.add(m.group(1));
                }
            }
        }
        assertThat(policyCodes).contains("policy.max-percent", "policy.alarm-required");
        String docs = Files.readString(Path.of("../docs/policies.md"), StandardCharsets.UTF_8);
        assertThat(policyCodes).allSatisfy(code -> assertThat(docs).as("docs/policies.md").contains("`" + code + "`"));
    }
}
