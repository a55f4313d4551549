package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline} writes UTF-8 whatever the locale: under {@code LANG=C} Java 17's default
 * charset is ASCII, and the arrows and ellipses of Faultline's output used to come out as
 * {@code ?}.
 */
class OutputEncodingTest {

    /** Two actions that start after each other: the plan names the cycle with arrows. */
    private static final String CYCLE = "{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
            + "\"stopConditions\":[{\"source\":\"none\"}],\"targets\":{},\"actions\":{"
            + "\"a\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"},\"startAfter\":[\"b\"]},"
            + "\"b\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"},\"startAfter\":[\"a\"]}}}";

    @TempDir
    Path dir;

    @Test
    void underAnAsciiLocale_theOutputIsUtf8() throws Exception {
        Path template = Files.writeString(dir.resolve("cycle.json"), CYCLE);
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=ANSI_X3.4-1968", "-Dsun.stdout.encoding=ANSI_X3.4-1968",
                "-Dsun.stderr.encoding=ANSI_X3.4-1968", "-cp", System.getProperty("java.class.path"),
                Faultline.class.getName(), "plan", template.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        assertThat(text).as("faultline plan under LANG=C").contains("a → b").doesNotContain("a ? b");
    }
}
