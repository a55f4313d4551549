package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code registry and the docs agree both ways: docs/validation.md has a heading for every
 * declared code outside {@code policy.*} and {@code cfn.*} and none for an undeclared one, the
 * policy and importer codes are named in docs/policies.md and docs/aws.md, the migration table
 * maps old codes to declared ones, and no main source spells a code outside the registry.
 */
class ValidationDocsTest {

    private static final Path MODULES = Path.of("..");
    private static final Path DOCS = Path.of("../docs/validation.md");

    private static Set<String> declared(ViolationArea... areas) {
        List<ViolationArea> wanted = Arrays.asList(areas);
        return Arrays.stream(ViolationCode.values()).filter(c -> wanted.contains(c.area())).map(ViolationCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> headings() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
            if (line.startsWith("### ")) {
                Matcher m = Pattern.compile("`([^`]+)`").matcher(line);
                while (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        return documented;
    }

    @Test
    void validationDocs_haveAHeadingForEveryDeclaredCode_andNoOther() throws IOException {
        Set<String> codes = Arrays.stream(ViolationCode.values())
                .filter(c -> c.area() != ViolationArea.POLICY && c.area() != ViolationArea.CFN)
                .map(ViolationCode::code).collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).hasSizeGreaterThan(80);
        Set<String> documented = headings();
        assertThat(documented).as("codes in docs/validation.md headings").containsAll(codes);
        assertThat(codes).as("documented codes that are not declared").containsAll(documented);
    }

    @Test
    void policyAndImporterDocs_nameEveryPolicyAndCfnCode() throws IOException {
        String policies = Files.readString(Path.of("../docs/policies.md"), StandardCharsets.UTF_8);
        String aws = Files.readString(Path.of("../docs/aws.md"), StandardCharsets.UTF_8);
        assertThat(declared(ViolationArea.POLICY)).contains("policy.max-percent")
                .allSatisfy(code -> assertThat(policies).as("docs/policies.md").contains("`" + code + "`"));
        assertThat(declared(ViolationArea.CFN)).contains("cfn.document-format")
                .allSatisfy(code -> assertThat(aws).as("docs/aws.md").contains("`" + code + "`"));
    }

    @Test
    void migrationTable_mapsEveryOldCodeToADeclaredOne() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        String table = docs.substring(docs.indexOf("## Codes of earlier releases"));
        Map<String, String> rows = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| `([a-z.-]+)` \\|$").matcher(table);
        while (m.find()) {
            rows.put(m.group(1) + " -> " + m.group(2), m.group(2));
        }
        assertThat(rows).as("the migration table").hasSizeGreaterThan(80);
        assertThat(rows.values()).allSatisfy(code -> assertThat(ViolationCode.find(code)).as(code).isPresent());
        assertThat(rows.keySet()).contains("required -> template.field-missing", "action.unknown -> action.id-unknown",
                "length -> template.field-too-long", "length -> template.field-too-short");
    }

    @Test
    void everyDeclaredCode_followsTheGrammar_andHasAMeaningAndAFix() {
        Set<String> seen = new TreeSet<>();
        for (ViolationCode c : ViolationCode.values()) {
            assertThat(c.code()).as(c.name()).matches(ViolationCode.GRAMMAR);
            assertThat(c.code()).as(c.name()).startsWith(c.area().word() + ".");
            assertThat(c.name()).as("the constant is named for the code")
                    .isEqualTo(c.code().replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            assertThat(c.meaning()).as(c.code()).isNotBlank();
            assertThat(c.fix()).as(c.code()).isNotBlank();
            assertThat(seen.add(c.code())).as("declared once: " + c.code()).isTrue();
            assertThat(ViolationCode.find(c.code())).contains(c);
        }
        assertThat(ViolationCode.find("required")).isEmpty();
    }

    @Test
    void noMainSource_spellsACodeOutsideTheRegistry() throws IOException {
        Pattern literalCode = Pattern.compile("\"(?:json|template|target|action|parameter|stop-condition|log|report"
                + "|account|arn|quota|graph|hypothesis|policy|cfn|ssm|validator|selection-mode|filter|duration|tags)"
                + "\\.(?!(?:json|md|html|css|svg|txt|ya?ml)\")[a-z][a-z.-]*\"|withCode\\(\"|Violation\\.(?:error|warning|of)\\(\\s*\"");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MODULES)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/") && !p.endsWith("ViolationCode.java"))
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(100);
        Set<String> offenders = new TreeSet<>();
        for (Path file : files) {
            Matcher m = literalCode.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                offenders.add(file.getFileName() + ": " + m.group());
            }
        }
        assertThat(offenders).as("code strings outside ViolationCode").isEmpty();
    }
}
