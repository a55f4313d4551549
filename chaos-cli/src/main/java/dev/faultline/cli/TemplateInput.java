package dev.faultline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.faultline.aws.FisImporter;
import dev.faultline.aws.ImportResult;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template file named on the command line, read whatever its format: FIS template JSON (the
 * {@code --cli-input-json} shape, with Faultline's {@code name} and {@code hypothesis}), FIS
 * template YAML ({@code --cli-input-yaml}), CloudFormation JSON or CloudFormation YAML (each
 * {@code AWS::FIS::ExperimentTemplate} resource, read by {@link FisImporter}: intrinsic functions
 * become placeholders, paths point into the document). Every command reads its files through
 * this class. {@code FILE#LogicalId} picks one resource of a CloudFormation document.
 */
final class TemplateInput {

    /** The formats a file can have. */
    enum Format {
        FIS_JSON("FIS template JSON"),
        FIS_YAML("FIS template YAML"),
        CLOUDFORMATION_JSON("CloudFormation JSON"),
        CLOUDFORMATION_YAML("CloudFormation YAML"),
        TOO_LARGE("too large to read"),
        UNREADABLE("unreadable");

        private final String text;

        Format(String text) {
            this.text = text;
        }

        boolean cloudFormation() {
            return this == CLOUDFORMATION_JSON || this == CLOUDFORMATION_YAML;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One experiment template of a file and what validating it found.
     *
     * @param source the CloudFormation logical id, or {@code ""} for a FIS template
     * @param experiment the experiment, or null when it could not be read
     * @param result the violations, with paths into the file
     * @param layout the collections the file held present but empty
     */
    record Template(String source, Experiment experiment, ValidationResult result, SourceLayout layout) {
        Template(String source, Experiment experiment, ValidationResult result) {
            this(source, experiment, result, SourceLayout.NONE);
        }

        Optional<Experiment> read() {
            return Optional.ofNullable(experiment);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The YAML reader, made on first use: a JSON file needs none. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private final Path file;
    private final Format format;
    private final List<Template> templates;

    private TemplateInput(Path file, Format format, List<Template> templates) {
        this.file = file;
        this.format = format;
        this.templates = List.copyOf(templates);
    }

    /**
     * Reads and validates a file with the standard size limits.
     *
     * @param file the file, or {@code FILE#LogicalId}
     * @param validator the validator
     * @return what the file holds
     */
    static TemplateInput read(Path file, Validator validator) {
        return read(file, validator, SizeLimits.standard());
    }

    /**
     * Reads and validates a file. Never throws: a file that cannot be read, is empty or is in no
     * known format is {@link #unreadable()}, with a violation that says why.
     *
     * @param file the file, or {@code FILE#LogicalId}
     * @param validator the validator
     * @param limits the size limits
     * @return what the file holds
     */
    static TemplateInput read(Path file, Validator validator, SizeLimits limits) {
        Objects.requireNonNull(file, "file");
        Path path = file;
        String pick = null;
        String name = file.toString();
        int hash = name.lastIndexOf('#');
        if (hash > 0 && !Files.exists(file)) {
            path = Path.of(name.substring(0, hash));
            pick = name.substring(hash + 1);
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > limits.maxSize()) {
                // refused from its size: not a byte of it is read
                return new TemplateInput(file, Format.TOO_LARGE,
                        List.of(new Template("", null, ValidationResult.of(List.of(limits.tooLarge(size))))));
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return unreadable(file, Violation.error(ViolationCode.JSON_READ_FAILED, "", "The file cannot be read: " + e, "Check the path."));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return unreadable(file, Violation.error(ViolationCode.INPUT_FILE_EMPTY, "", "The file is empty.",
                    "Give a FIS template (JSON or YAML) or a CloudFormation template (JSON or YAML)."));
        }
        Detected detected = detect(text);
        if (detected.format == Format.UNREADABLE) {
            return unreadable(file, Violation.error(ViolationCode.INPUT_FORMAT_UNKNOWN, "", "The file is " + detected.what
                    + ", not FIS template JSON or YAML, CloudFormation JSON or CloudFormation YAML.",
                    "FIS templates are JSON objects with actions and targets; CloudFormation templates have a"
                            + " Resources section."));
        }
        List<Violation> size = limits.check(detected.format, bytes.length);
        List<Template> found = detected.format.cloudFormation()
                ? cloudFormation(text, validator)
                : List.of(fis(detected.format == Format.FIS_YAML ? detected.tree.toString() : text, validator, limits));
        if (pick != null) {
            String id = pick;
            List<Template> picked = found.stream().filter(t -> t.source().equals(id)).toList();
            if (picked.isEmpty()) {
                return unreadable(file, Violation.error(ViolationCode.INPUT_RESOURCE_UNKNOWN, "/Resources/" + id, "The file has no "
                        + "AWS::FIS::ExperimentTemplate resource named '" + id + "'.", "Its resources: " + sources(found)));
            }
            found = picked;
        }
        if (!size.isEmpty()) {
            List<Template> withSize = new ArrayList<>();
            for (Template t : found) {
                withSize.add(new Template(t.source(), t.experiment(), ValidationResult.of(size).and(t.result()), t.layout()));
            }
            found = withSize;
        }
        return new TemplateInput(file, detected.format, found);
    }

    private static TemplateInput unreadable(Path file, Violation why) {
        return new TemplateInput(file, Format.UNREADABLE, List.of(new Template("", null, ValidationResult.of(List.of(why)))));
    }

    private static Template fis(String json, Validator validator, SizeLimits limits) {
        ReadResult read = TemplateJson.read(json, limits.maxSize());
        return new Template("", read.experiment().orElse(null), read.validate(validator), read.layout());
    }

    private static List<Template> cloudFormation(String text, Validator validator) {
        List<Template> out = new ArrayList<>();
        for (ImportResult r : FisImporter.create().withValidator(validator).fromCloudFormation(text)) {
            out.add(new Template(r.source(), r.experiment().orElse(null), r.violations(), r.layout()));
        }
        return out;
    }

    /** What the text looks like: the format, or for none a phrase that says what it is. */
    private static final class Detected {
        final Format format;
        final String what;
        final JsonNode tree;

        Detected(Format format, String what, JsonNode tree) {
            this.format = format;
            this.what = what;
            this.tree = tree;
        }
    }

    private static Detected detect(String text) {
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            try {
                return new Detected(jsonHasCloudFormationKeys(text) ? Format.CLOUDFORMATION_JSON : Format.FIS_JSON, "", null);
            } catch (IOException e) {
                // a JSON object with a syntax error: the template reader reports it with line and column
                return new Detected(Format.FIS_JSON, "", null);
            }
        }
        if (start.startsWith("[")) {
            return new Detected(Format.UNREADABLE, "a JSON array", null);
        }
        if (start.startsWith("<")) {
            return new Detected(Format.UNREADABLE, "markup (it starts with '<')", null);
        }
        try {
            JsonToken first = yamlStart(text);
            if (first == JsonToken.START_ARRAY) {
                return new Detected(Format.UNREADABLE, "a YAML list", null);
            }
            if (first != JsonToken.START_OBJECT) {
                return new Detected(Format.UNREADABLE, "plain text (a YAML scalar)", null);
            }
            if (yamlHasCloudFormationKeys(text)) {
                return new Detected(Format.CLOUDFORMATION_YAML, "", null);
            }
            return new Detected(Format.FIS_YAML, "", Yaml.MAPPER.readTree(text));
        } catch (IOException | RuntimeException e) {
            String first = start.lines().findFirst().orElse("");
            return new Detected(Format.UNREADABLE, "neither JSON (it does not start with '{') nor YAML ("
                    + firstLine(e.getMessage()) + "); it begins '" + abbreviate(first) + "'", null);
        }
    }

    /**
     * Reads a JSON object to its end, as a token stream (no tree is built), and tells whether a
     * top-level key is CloudFormation's; a syntax error anywhere throws.
     */
    private static boolean jsonHasCloudFormationKeys(String text) throws IOException {
        boolean found = false;
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                found |= key.equals("Resources") || key.equals("AWSTemplateFormatVersion");
                p.nextToken();
                p.skipChildren();
            }
        }
        return found;
    }

    private static JsonToken yamlStart(String text) throws IOException {
        try (JsonParser p = Yaml.MAPPER.getFactory().createParser(text)) {
            return p.nextToken();
        }
    }

    /** Reads the top-level keys only, so CloudFormation's short-form tags ({@code !Ref}) need no handling. */
    private static boolean yamlHasCloudFormationKeys(String text) throws IOException {
        try (JsonParser p = Yaml.MAPPER.getFactory().createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (key.equals("Resources") || key.equals("AWSTemplateFormatVersion")) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String sources(List<Template> templates) {
        return String.join(", ", templates.stream().map(Template::source).toList());
    }

    /** The file as named on the command line. */
    Path file() {
        return file;
    }

    /** The detected format, {@link Format#UNREADABLE} when the file could not be read. */
    Format format() {
        return format;
    }

    /** The templates found, one for a FIS template, one per resource of a CloudFormation document. */
    List<Template> templates() {
        return templates;
    }

    /** Tells whether the file could not be read, was empty or is in no known format. */
    boolean unreadable() {
        return format == Format.UNREADABLE;
    }

    /**
     * The one template a single-experiment command works on, or empty after printing why not:
     * several resources of a CloudFormation document need {@code FILE#LogicalId}.
     *
     * @param err where to print
     * @return the template
     */
    Optional<Template> single(java.io.PrintWriter err) {
        if (templates.size() == 1) {
            return Optional.of(templates.get(0));
        }
        err.println(file + ": the " + format + " document has " + templates.size()
                + " AWS::FIS::ExperimentTemplate resources (" + sources(templates) + "); name one as "
                + file + "#" + templates.get(0).source() + ".");
        return Optional.empty();
    }
}
