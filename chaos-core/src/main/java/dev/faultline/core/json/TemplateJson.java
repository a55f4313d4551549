package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes FIS experiment template JSON: the {@code --cli-input-json} shape of
 * {@code aws fis create-experiment-template}, the {@code experimentTemplate} of a
 * GetExperimentTemplate answer, plus Faultline's {@code name}, {@code hypothesis} and
 * {@code targetAccountConfigurations}.
 *
 * <p>Reading never throws on bad input: it returns what it could read and the violations
 * (syntax errors with line and column, wrong types and unknown fields with their JSON Pointer).
 * Reading and writing again with the read {@linkplain ReadResult#layout() source layout} gives
 * the same JSON tree, empty objects and arrays included; without it (an experiment built in
 * code has none) an empty collection is left out.
 *
 * <pre>{@code
 * ReadResult read = TemplateJson.read(Files.readString(path));
 * read.violations().violations().forEach(System.out::println);
 * String json = TemplateJson.writePretty(read.experiment().orElseThrow(), read.layout());
 * }</pre>
 */
public final class TemplateJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private TemplateJson() {}

    /**
     * The size limit of every read that names none: 10 MiB (10,485,760 bytes, or characters for
     * text). FIS takes requests of at most about 1 MiB and templates of at most 20 actions, so a
     * template it accepts is far smaller; the limit only keeps hostile input from costing time and
     * memory. A document over it gives one {@code json.document-too-large} error and is not read further.
     */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /**
     * Reads a template from text, of at most {@link #DEFAULT_MAX_BYTES} characters.
     *
     * @param json the JSON text
     * @return the experiment, if the text is a JSON object, and the problems found
     */
    public static ReadResult read(String json) {
        return read(json, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a template from text of at most {@code maxChars} characters.
     *
     * @param json the JSON text
     * @param maxChars the size limit, positive
     * @return the experiment, if the text is a JSON object, and the problems found
     */
    public static ReadResult read(String json, long maxChars) {
        Objects.requireNonNull(json, "json");
        return inMemory(json, null, json.length(), maxChars, "characters");
    }

    /**
     * Reads a template from UTF-8 bytes, at most {@link #DEFAULT_MAX_BYTES} of them.
     *
     * @param json the JSON bytes
     * @return the experiment, if the bytes hold a JSON object, and the problems found
     */
    public static ReadResult read(byte[] json) {
        return read(json, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a template from at most {@code maxBytes} UTF-8 bytes.
     *
     * @param json the JSON bytes
     * @param maxBytes the size limit, positive
     * @return the experiment, if the bytes hold a JSON object, and the problems found
     */
    public static ReadResult read(byte[] json, long maxBytes) {
        Objects.requireNonNull(json, "json");
        return inMemory(null, json, json.length, maxBytes, "bytes");
    }

    /**
     * The one path of an in-memory document, given as text or as bytes (the other is null): the
     * size check, then the shortcut for a template with nothing to report
     * ({@link PlainTemplateReader}), then the template reader on the plain parser's tokens, then
     * on Jackson's when the plain parser gives up.
     */
    private static ReadResult inMemory(String text, byte[] bytes, int length, long max, String unit) {
        if (length > SizeLimit.checked(max)) {
            return SizeLimit.refused(length, max, unit);
        }
        // bytes are read as UTF-8; Jackson reads them itself if the fast path gives up (on UTF-8 that
        // is not well formed, or on a zero byte of UTF-16 or UTF-32, where it meets it)
        PlainJsonParser plain = text != null ? new PlainJsonParser(text) : new PlainJsonParser(bytes);
        ReadResult shortcut = plain.plainTemplate();
        if (shortcut != null) {
            plain.close();
            return shortcut;
        }
        return tokens(plain, text, bytes);
    }

    /**
     * Reads a document with the template reader, on the tokens of a plain parser that has read
     * none yet, or on Jackson's when that parser gives up: every finding of a read comes from here.
     * Not private so that the shortcut's test can read each input both ways.
     */
    static ReadResult tokens(PlainJsonParser plain, String text, byte[] bytes) {
        if (plain.gaveUp()) {
            plain.close(); // not plain from the start: no reader to set up
        } else {
            ReadResult read = TemplateReader.read(plain);
            if (!plain.gaveUp()) {
                return read;
            }
        }
        try {
            return TemplateReader.read(text != null ? FACTORY.createParser(text) : FACTORY.createParser(bytes));
        } catch (IOException e) {
            return ioFailure(e);
        }
    }

    /**
     * Reads a template from a character stream, which is closed afterwards; at most
     * {@link #DEFAULT_MAX_BYTES} characters are read.
     *
     * @param reader the JSON text
     * @return the experiment, if the text is a JSON object, and the problems found
     */
    public static ReadResult read(Reader reader) {
        return read(reader, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a template from a character stream, which is closed afterwards, reading at most
     * {@code maxChars} characters.
     *
     * @param reader the JSON text
     * @param maxChars the size limit, positive
     * @return the experiment, if the text is a JSON object, and the problems found
     */
    public static ReadResult read(Reader reader, long maxChars) {
        Objects.requireNonNull(reader, "reader");
        try {
            return TemplateReader.read(FACTORY.createParser(SizeLimit.chars(reader, SizeLimit.checked(maxChars))));
        } catch (IOException e) {
            return ioFailure(e);
        }
    }

    /**
     * Reads a template from a byte stream (UTF-8, -16 or -32), which is closed afterwards; at most
     * {@link #DEFAULT_MAX_BYTES} bytes are read.
     *
     * @param in the JSON bytes
     * @return the experiment, if the bytes hold a JSON object, and the problems found
     */
    public static ReadResult read(InputStream in) {
        return read(in, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a template from a byte stream (UTF-8, -16 or -32), which is closed afterwards, reading
     * at most {@code maxBytes} bytes.
     *
     * @param in the JSON bytes
     * @param maxBytes the size limit, positive
     * @return the experiment, if the bytes hold a JSON object, and the problems found
     */
    public static ReadResult read(InputStream in, long maxBytes) {
        Objects.requireNonNull(in, "in");
        try {
            return TemplateReader.read(FACTORY.createParser(SizeLimit.bytes(in, SizeLimit.checked(maxBytes))));
        } catch (IOException e) {
            return ioFailure(e);
        }
    }

    /**
     * Reads a template file of at most {@link #DEFAULT_MAX_BYTES} bytes; a file that cannot be
     * read gives a {@code json.read-failed} violation.
     *
     * @param file the file
     * @return the experiment, if the file holds a JSON object, and the problems found
     */
    public static ReadResult read(Path file) {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a template file of at most {@code maxBytes} bytes: a larger file is refused from its
     * size, before any byte is read.
     *
     * @param file the file
     * @param maxBytes the size limit, positive
     * @return the experiment, if the file holds a JSON object, and the problems found
     */
    public static ReadResult read(Path file, long maxBytes) {
        Objects.requireNonNull(file, "file");
        SizeLimit.checked(maxBytes);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return SizeLimit.refused(size, maxBytes, "bytes");
            }
            return read(Files.readAllBytes(file), maxBytes);
        } catch (IOException e) {
            return ioFailure(e);
        }
    }

    /**
     * Writes an experiment as compact JSON, leaving out empty collections.
     *
     * @param experiment the experiment
     * @return the JSON text
     */
    public static String write(Experiment experiment) {
        return write(experiment, SourceLayout.NONE);
    }

    /**
     * Writes an experiment as compact JSON, with the empty collections its source held.
     *
     * @param experiment the experiment
     * @param layout the source layout, from {@link ReadResult#layout()}
     * @return the JSON text
     */
    public static String write(Experiment experiment, SourceLayout layout) {
        StringWriter out = new StringWriter(1024);
        write(experiment, layout, out, false);
        return out.toString();
    }

    /**
     * Writes an experiment as indented JSON, leaving out empty collections.
     *
     * @param experiment the experiment
     * @return the JSON text
     */
    public static String writePretty(Experiment experiment) {
        return writePretty(experiment, SourceLayout.NONE);
    }

    /**
     * Writes an experiment as indented JSON, with the empty collections its source held.
     *
     * @param experiment the experiment
     * @param layout the source layout, from {@link ReadResult#layout()}
     * @return the JSON text
     */
    public static String writePretty(Experiment experiment, SourceLayout layout) {
        StringWriter out = new StringWriter(2048);
        write(experiment, layout, out, true);
        return out.toString();
    }

    /**
     * Writes what FIS itself takes, indented: the {@code --cli-input-json} of
     * {@code aws fis create-experiment-template}, that is the template without Faultline's
     * {@code name} and {@code hypothesis}, without read-only metadata ({@code id}, {@code arn},
     * times) and without target account configurations (FIS sets those with calls of their own).
     * {@link #writePretty(Experiment)} writes Faultline's JSON, with every field.
     *
     * @param experiment the experiment
     * @return the JSON text
     */
    public static String writeForFis(Experiment experiment) {
        return writeForFis(experiment, SourceLayout.NONE);
    }

    /**
     * As {@link #writeForFis(Experiment)}, with the empty collections the source held.
     *
     * @param experiment the experiment
     * @param layout the source layout, from {@link ReadResult#layout()}
     * @return the JSON text
     */
    public static String writeForFis(Experiment experiment, SourceLayout layout) {
        try {
            ObjectNode tree = (ObjectNode) FisTree.MAPPER.readTree(write(experiment, layout));
            for (String field : new String[] {"name", "hypothesis", "targetAccountConfigurations", "id", "arn",
                    "clientToken", "creationTime", "lastUpdateTime", "targetAccountConfigurationsCount"}) {
                tree.remove(field);
            }
            return tree.toPrettyString();
        } catch (IOException e) {
            throw new TemplateWriteException(experiment.name().orElse(null), e);
        }
    }

    /**
     * Writes an experiment as JSON to a writer, which is flushed but not closed, leaving out
     * empty collections.
     *
     * @param experiment the experiment
     * @param out where to write
     * @param pretty whether to indent
     * @throws TemplateWriteException if the writer fails
     */
    public static void write(Experiment experiment, Writer out, boolean pretty) {
        write(experiment, SourceLayout.NONE, out, pretty);
    }

    /**
     * Writes an experiment as JSON to a writer, which is flushed but not closed, with the empty
     * collections its source held.
     *
     * @param experiment the experiment
     * @param layout the source layout, from {@link ReadResult#layout()}
     * @param out where to write
     * @param pretty whether to indent
     * @throws TemplateWriteException if the writer fails
     */
    public static void write(Experiment experiment, SourceLayout layout, Writer out, boolean pretty) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            }
            TemplateWriter.write(experiment, layout, g);
        } catch (IOException e) {
            throw new TemplateWriteException(experiment.name().orElse(null), e);
        }
    }

    /**
     * Reads a template and fails on any error: for code that builds templates it trusts.
     *
     * @param json the JSON text
     * @return the experiment
     * @throws FaultlineException listing the errors, if the template has any
     */
    public static Experiment parse(String json) {
        ReadResult result = read(json);
        if (result.violations().hasErrors() || result.experiment().isEmpty()) {
            throw new FaultlineException("The template cannot be read:\n" + result.violations());
        }
        return result.experiment().get();
    }

    private static ReadResult ioFailure(IOException e) {
        if (e instanceof SizeLimit.Exceeded) {
            // the parser reads the first block of a stream when it is made, to detect the encoding
            SizeLimit.Exceeded over = (SizeLimit.Exceeded) e;
            return SizeLimit.refused(-1, over.max, over.unit);
        }
        return new ReadResult(null, ValidationResult.of(List.of(Violation.error(ViolationCode.JSON_READ_FAILED, "",
                "The template could not be read: " + e.getMessage(), "Check that the file exists and is readable."))));
    }

    /**
     * The mapper {@link #writeForFis} edits its tree with, made on first use: creating an
     * {@code ObjectMapper} initialises most of jackson-databind, which a lint does not need.
     */
    private static final class FisTree {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
