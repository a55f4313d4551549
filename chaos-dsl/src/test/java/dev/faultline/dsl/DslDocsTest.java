package dev.faultline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles every Java example of docs/dsl.md, so the DSL documentation cannot rot. */
class DslDocsTest {

    private static final Path DOC = Path.of("..", "docs", "dsl.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path out;

    static List<String> javaBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(DOC));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String source(List<String> blocks) {
        StringBuilder text = new StringBuilder()
                .append("import static dev.faultline.dsl.Chaos.*;\n")
                .append("import dev.faultline.dsl.*;\n")
                .append("import dev.faultline.core.model.Experiment;\n")
                .append("import dev.faultline.core.policy.SafetyPolicy;\n")
                .append("import dev.faultline.core.validation.ValidationResult;\n")
                .append("import java.time.Duration;\n")
                .append("import java.util.List;\n")
                .append("class DocSnippets {\n")
                .append("    String role = \"arn:aws:iam::112233445566:role/r\";\n");
        for (String name : List.of("roleArn", "alarmArn", "clusterArn", "volumeArn", "streamArn", "subnetArn",
                "tgwArn", "capacityRoleArn")) {
            text.append("    String ").append(name).append(" = \"arn:aws:x:us-east-1:112233445566:").append(name)
                    .append("\";\n");
        }
        text.append("    Target<Ec2Instance> instances = ec2Instances().count(1);\n")
                .append("    Target<Ec2Instance> workers = ec2Instances().count(1);\n")
                .append("    Target<EcsTask> tasks = ecsTasks().count(1);\n")
                .append("    Duration d = Duration.ofMinutes(5);\n");
        int n = 0;
        for (String block : blocks) {
            String body = block.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n"))
                    .trim();
            if (!body.endsWith(";")) {
                body = body + ";";
            }
            text.append("    void snippet").append(n++).append("() {\n").append(body).append("\n    }\n");
        }
        return text.append("}\n").toString();
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String text) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///DocSnippets.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        String classPath = Stream.of(Chaos.class, Experiment.class).map(c -> {
            try {
                return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(File.pathSeparator));
        compiler.getTask(null, null, diagnostics, List.of("-proc:none", "-classpath", classPath, "-d", out.toString()),
                null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList());
    }

    @Test
    void everyJavaExample_compiles_exceptTheOnesMarkedAsNotCompiling() throws IOException {
        List<String> blocks = javaBlocks();
        List<String> compiling = blocks.stream().filter(b -> !b.startsWith("// does not compile"))
                .collect(Collectors.toList());
        assertThat(compiling).hasSizeGreaterThanOrEqualTo(5);
        String text = source(compiling);
        assertThat(compile(text)).as(text).isEmpty();
    }

    @Test
    void theExamplesMarkedAsNotCompiling_failLineByLine() throws IOException {
        List<String> failing = javaBlocks().stream().filter(b -> b.startsWith("// does not compile"))
                .flatMap(b -> b.lines().skip(1)).filter(l -> !l.isBlank()).collect(Collectors.toList());
        assertThat(failing).hasSize(4);
        for (String line : failing) {
            assertThat(compile(source(List.of(line)))).as(line).isNotEmpty();
        }
    }
}
