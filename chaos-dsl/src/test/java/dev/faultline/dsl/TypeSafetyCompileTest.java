package dev.faultline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiles snippets with javax.tools: the types make illegal experiments fail to compile. */
class TypeSafetyCompileTest {

    @TempDir
    Path out;

    /** The line of {@link #source} that holds the snippet. */
    private static final long SNIPPET_LINE = 7;

    private static String source(String body) {
        return "import static dev.faultline.dsl.Chaos.*;\n"
                + "import dev.faultline.dsl.*;\n"
                + "import java.time.Duration;\n"
                + "import java.util.List;\n"
                + "class Snippet {\n"
                + "    Object run() {\n"
                + "        return " + body + ";\n"
                + "    }\n"
                + "}\n";
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String body) throws IOException {
        return compileSource(source(body));
    }

    private List<Diagnostic<? extends JavaFileObject>> compileSource(String text) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        List<String> options = List.of("-proc:none", "-classpath", classPath(), "-d", out.toString());
        compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList());
    }

    private static String classPath() {
        return Stream.of(Chaos.class, Experiment.class)
                .map(c -> {
                    try {
                        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ec2.stopInstances(ec2Instances().tagged(\"Role\", \"Worker\").running().percent(20))"
                + ".restartAfter(Duration.ofMinutes(5))",
        "Rds.failoverDbCluster(rdsClusters().tagged(\"App\", \"db\").writerIn(\"us-east-1a\").all())",
        "Ebs.pauseVolumeIo(ebsVolumes().inAvailabilityZone(\"us-east-1a\").count(1), Duration.ofMinutes(2))",
        "Network.disruptConnectivity(subnets().tagged(\"a\", \"b\").all(), Duration.ofMinutes(2))"
                + ".scope(Network.Scope.AVAILABILITY_ZONE)",
        "Ssm.sendCommand(ec2Instances().count(1), \"us-east-1\", Ssm.runCpuStress().loadPercent(80),"
                + " Duration.ofMinutes(5))",
        "Eks.podDelete(eksPods(\"c\", \"ns\", PodSelector.labels(\"app=web\")), \"fis-sa\")",
        "experiment(\"x\").stopWhen(alarm(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:a\"))"
                + ".action(\"w\", waitFor(Duration.ofMinutes(1))).build()",
        "action(\"aws:ec2:brand-new\").target(\"Instances\", ec2Instances().count(1)).parameter(\"x\", \"y\")",
        "rdsClusters().tagged(\"App\", \"db\").all().writerIn(\"us-east-1a\")",
        "ec2Instances().percent(10).tagged(\"a\", \"b\").running().inVpc(\"vpc-1\").inAvailabilityZone(\"us-east-1a\")",
        "lambdaFunctions().arns(\"arn:aws:lambda:us-east-1:123456789012:function:f\").qualifier(\"live\")",
        "ecsTasks().inCluster(\"prod\").inService(\"web\").percent(10)"
    })
    void legalCombinations_compile(String snippet) throws IOException {
        assertThat(compile(snippet)).as(snippet).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // wrong target resource type for the action
        "Ec2.stopInstances(rdsClusters().all())",
        "Rds.failoverDbCluster(ec2Instances().all())",
        "Ebs.pauseVolumeIo(ec2Instances().all(), Duration.ofMinutes(1))",
        "Ecs.stopTask(ecsClusters().all())",
        "Ec2.sendSpotInstanceInterruptions(ec2Instances().all())",
        "ElastiCache.interruptAzPower(rdsClusters().all(), Duration.ofMinutes(1))",
        // a string where a duration is expected
        "Ec2.stopInstances(ec2Instances().all()).restartAfter(\"PT5M\")",
        "Ebs.pauseVolumeIo(ebsVolumes().all(), \"PT5M\")",
        "waitFor(\"PT1M\")",
        // a string where an enum is expected
        "Network.disruptConnectivity(subnets().all(), Duration.ofMinutes(1)).scope(\"all\")",
        // a target helper on a resource type it does not apply to
        "rdsClusters().running()",
        "subnets().tagged(\"a\", \"b\").writerIn(\"us-east-1a\")",
        "ec2Instances().all().qualifier(\"live\")",
        "s3Buckets().inAvailabilityZone(\"us-east-1a\")",
        "iamRoles().running()",
        // an int where a duration is expected
        "Ebs.pauseVolumeIo(ebsVolumes().all(), 60)"
    })
    void illegalCombinations_doNotCompile(String snippet) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile(snippet);
        // exactly one error, on the snippet's own line: an error anywhere else (a broken import) is not the types
        assertThat(errors).as(snippet).singleElement().satisfies(d -> {
            assertThat(d.getLineNumber()).as("the line of the snippet").isEqualTo(SNIPPET_LINE);
            assertThat(d.getMessage(null)).containsAnyOf("incompatible types", "cannot be applied",
                    "no suitable method", "cannot find symbol", "is not public");
        });
    }

    @org.junit.jupiter.api.Test
    void targetTypes_doNotConvert_andResourceTypeIsClosed() throws IOException {
        assertThat(compileSource("import static dev.faultline.dsl.Chaos.*;\nimport dev.faultline.dsl.*;\n"
                + "class Snippet { Target<Ec2Instance> t = rdsClusters(); }\n")).singleElement()
                .satisfies(d -> assertThat(d.getLineNumber()).isEqualTo(3L))
                .satisfies(d -> assertThat(d.getMessage(null)).contains("incompatible types"));
        assertThat(compileSource("import dev.faultline.dsl.*;\n"
                + "final class Snippet implements ResourceType { }\n")).singleElement()
                .satisfies(d -> assertThat(d.getLineNumber()).isEqualTo(2L));
        assertThat(compileSource("import static dev.faultline.dsl.Chaos.*;\nimport dev.faultline.dsl.*;\n"
                + "class Snippet { Target<Ec2Instance> t = ec2Instances().tagged(\"a\", \"b\").all(); }\n"))
                .isEmpty();
    }
}
