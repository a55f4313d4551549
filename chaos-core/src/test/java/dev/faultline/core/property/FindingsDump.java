package dev.faultline.core.property;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check: a harness that writes the findings (case, policy, code, severity, path) of every
 * corpus template, docs example, fuzz input and a few thousand seeded generated and mutated
 * templates under every policy preset, so that two versions of the rules can be compared with
 * diff. Runs only with {@code -Dfaultline.findings.dump=FILE}.
 */
class FindingsDump {

    private static final int GENERATED = 1500;
    private static final int MUTATED = 3000;

    @Test
    @EnabledIfSystemProperty(named = "faultline.findings.dump", matches = ".+")
    void dumpFindings() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String name : Corpus.FILES) {
            cases.put("corpus/" + name, Corpus.text(name));
        }
        Path shared = Path.of("/work/shared/corpus");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> walk = Files.walk(shared)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
                    cases.put("shared/" + shared.relativize(p), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        Path fuzz = Path.of("src/test/resources/dev/faultline/core/fuzz");
        try (Stream<Path> walk = Files.walk(fuzz)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                cases.put("fuzz/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Pattern block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
        try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
            for (Path p : docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
                Matcher m = block.matcher(Files.readString(p, StandardCharsets.UTF_8));
                int i = 0;
                while (m.find()) {
                    String text = m.group(1).strip();
                    cases.put("docs/" + p.getFileName() + "#" + i++, text.startsWith("{") ? text : "{" + text + "}");
                }
            }
        }
        ExperimentGenerator valid = ExperimentGenerator.valid();
        ExperimentGenerator any = ExperimentGenerator.any();
        for (long seed = 1; seed <= GENERATED; seed++) {
            cases.put("valid/" + seed, valid.template(seed, false));
            cases.put("any/" + seed, any.template(seed, false));
        }
        JsonMutator.Kind[] kinds = JsonMutator.Kind.values();
        for (long seed = 1; seed <= MUTATED; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 7919);
            String template = valid.template(seed, false);
            JsonMutator.Mutated m = seed % 3 == 0 ? JsonMutator.mixed(template, random)
                    : JsonMutator.mutate(template, kinds[(int) (seed % kinds.length)], random);
            cases.put("mutated/" + seed, m.text());
        }
        Map<String, Validator> validators = new LinkedHashMap<>();
        validators.put("standard", Validator.standard());
        for (String preset : SafetyPolicy.presetNames()) {
            validators.put(preset, Validator.standard().with(SafetyPolicy.preset(preset)));
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ReadResult read = TemplateJson.read(c.getValue());
            for (Map.Entry<String, Validator> v : validators.entrySet()) {
                for (Violation found : read.validate(v.getValue()).violations()) {
                    lines.add(c.getKey() + "\t" + v.getKey() + "\t" + found.code() + "\t" + found.severity() + "\t"
                            + escape(found.path()));
                }
            }
        }
        Files.write(Path.of(System.getProperty("faultline.findings.dump")), lines, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }
}
