package dev.faultline.core.ci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.validation.CappedResult;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lint results as a SARIF 2.1.0 log, the format GitHub code scanning reads: one rule per
 * violation code (its text from a {@link RuleHelp}), one result per violation with the file, the
 * JSON Pointer (as a logical location and a property) and, when the file is JSON, the line and
 * column of the pointer (or of its nearest present ancestor).
 *
 * <pre>{@code
 * SarifReport sarif = SarifReport.builder()
 *         .add("templates/az.json", Files.readString(path), read.validate(Validator.standard()))
 *         .build();
 * Files.writeString(Path.of("faultline.sarif"), sarif.toJson());
 * }</pre>
 *
 * <p>Immutable once built.
 */
public final class SarifReport {

    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";

    private final ObjectNode log;

    private SarifReport(ObjectNode log) {
        this.log = log;
    }

    /**
     * Starts a report.
     *
     * @return a new builder with the fallback rule help
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The log as indented JSON.
     *
     * @return the SARIF document
     */
    public String toJson() {
        return log.toPrettyString() + "\n";
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Collects the files and their results. Not thread-safe. */
    public static final class Builder {
        private RuleHelp help = RuleHelp.registry().orElse(RuleHelp.fallback());
        private String toolVersion = "0.1.0-SNAPSHOT";
        private final List<Object[]> files = new ArrayList<>();

        private Builder() {}

        /**
         * Where rule texts come from first; codes it does not know fall back to {@link RuleHelp#registry()},
         * then to {@link RuleHelp#fallback()}.
         *
         * @param help the source, such as the registry of violation codes
         * @return this builder
         */
        public Builder ruleHelp(RuleHelp help) {
            this.help = Objects.requireNonNull(help, "help").orElse(RuleHelp.registry()).orElse(RuleHelp.fallback());
            return this;
        }

        /**
         * The version of the tool named in the log.
         *
         * @param version for example {@code 0.1.0}
         * @return this builder
         */
        public Builder toolVersion(String version) {
            this.toolVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Adds one file's results.
         *
         * @param uri the file as the log should name it: a path relative to the repository root, with {@code /}
         * @param text the file's text, to locate pointers in (null or non-JSON text: no lines and columns)
         * @param result the file's violations
         * @return this builder
         */
        public Builder add(String uri, String text, ValidationResult result) {
            return add(uri, text, result.capped(0));
        }

        /**
         * Adds one file's results, capped per code: the results left out are counted in a note of
         * the run's invocation ({@code toolExecutionNotifications}), one per file and code, with the
         * number in its {@code properties.omitted}.
         *
         * @param uri the file as the log should name it: a path relative to the repository root, with {@code /}
         * @param text the file's text, to locate pointers in (null or non-JSON text: no lines and columns)
         * @param result the file's violations, capped
         * @return this builder
         */
        public Builder add(String uri, String text, CappedResult result) {
            files.add(new Object[] {Objects.requireNonNull(uri, "uri"), text, Objects.requireNonNull(result, "result")});
            return this;
        }

        /**
         * Builds the log.
         *
         * @return the report
         */
        public SarifReport build() {
            JsonNodeFactory f = JsonNodeFactory.instance;
            Map<String, Integer> ruleIndex = new LinkedHashMap<>();
            Map<String, Violation> firstOf = new LinkedHashMap<>();
            ArrayNode results = f.arrayNode();
            ArrayNode notes = f.arrayNode();
            for (Object[] file : files) {
                String uri = (String) file[0];
                PointerLocations where = file[1] == null ? PointerLocations.of("") : PointerLocations.of((String) file[1]);
                CappedResult capped = (CappedResult) file[2];
                for (Violation v : capped.violations()) {
                    firstOf.putIfAbsent(v.code(), v);
                    int index = ruleIndex.computeIfAbsent(v.code(), c -> ruleIndex.size());
                    results.add(result(f, uri, where, v, index));
                }
                capped.omitted().forEach((code, n) -> notes.add(omitted(f, uri, code, n, capped.maxPerCode())));
            }
            ObjectNode log = f.objectNode();
            log.put("version", VERSION);
            ObjectNode run = log.putArray("runs").addObject();
            ObjectNode driver = run.putObject("tool").putObject("driver");
            driver.put("name", "faultline");
            driver.put("semanticVersion", toolVersion);
            ArrayNode rules = driver.putArray("rules");
            for (String code : ruleIndex.keySet()) {
                rules.add(rule(f, code, firstOf.get(code)));
            }
            if (!notes.isEmpty()) {
                ObjectNode invocation = run.putArray("invocations").addObject();
                invocation.put("executionSuccessful", true);
                invocation.set("toolExecutionNotifications", notes);
            }
            run.put("columnKind", "unicodeCodePoints");
            run.set("results", results);
            return new SarifReport(log);
        }

        private ObjectNode rule(JsonNodeFactory f, String code, Violation first) {
            RuleHelp.Text text = help.describe(code).orElseThrow();
            ObjectNode rule = f.objectNode();
            rule.put("id", code);
            rule.putObject("shortDescription").put("text", text.shortDescription());
            rule.putObject("help").put("text", text.help());
            rule.putObject("defaultConfiguration").put("level", level(first.severity()));
            return rule;
        }

        private static ObjectNode result(JsonNodeFactory f, String uri, PointerLocations where, Violation v, int index) {
            ObjectNode r = f.objectNode();
            r.put("ruleId", v.code());
            r.put("ruleIndex", index);
            r.put("level", level(v.severity()));
            r.putObject("message").put("text", v.message() + v.hint().map(h -> " " + h).orElse(""));
            ObjectNode location = r.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri);
            where.find(v.path()).ifPresent(at -> {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", at[0]);
                region.put("startColumn", at[1]);
            });
            String pointer = v.path().isEmpty() ? "/" : v.path();
            location.putArray("logicalLocations").addObject().put("fullyQualifiedName", pointer).put("kind", "element");
            r.putObject("properties").put("jsonPointer", v.path());
            return r;
        }

        /** The note that {@code n} results of {@code code} in a file were left out. */
        private static ObjectNode omitted(JsonNodeFactory f, String uri, String code, int n, int max) {
            ObjectNode note = f.objectNode();
            note.put("level", "note");
            note.putObject("message").put("text", n + " more results of " + code + " in " + uri
                    + " are not listed (at most " + max + " per code and file).");
            note.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation").put("uri", uri);
            note.putObject("associatedRule").put("id", code);
            note.putObject("properties").put("omitted", n);
            return note;
        }

        private static String level(Severity severity) {
            return severity == Severity.ERROR ? "error" : "warning";
        }
    }

    /**
     * The rule ids of the log, in order.
     *
     * @return the violation codes that have a rule
     */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        log.at("/runs/0/tool/driver/rules").forEach(r -> ids.add(r.get("id").asText()));
        return Collections.unmodifiableList(ids);
    }
}
