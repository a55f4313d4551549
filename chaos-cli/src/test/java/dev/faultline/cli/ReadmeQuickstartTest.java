package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's "lint and plan a real FIS template" commands, run through the command line as
 * written there, and what the README says they print: placeholder warnings and exit 0; with
 * {@code --policy staging} the missing alarm stop condition and exit 1; a plan with the
 * terminate action instant and irreversible on 25 % of the tagged instances.
 */
class ReadmeQuickstartTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** The template path the README's command names, from the README itself. */
    private static String readmeTemplate() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("\\./faultline lint (\\S+\\.json) && \\./faultline plan (\\S+\\.json)").matcher(readme);
        assertThat(m.find()).as("the README's lint-and-plan command").isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        assertThat(readme).contains("Lint prints the template's unresolved placeholders as warnings (exit 0); with\n"
                + "`--policy staging` it also reports that the template has no alarm stop condition (exit 1).\n"
                + "The plan shows the terminate action as instant and irreversible, on 25 % of the tagged instances.");
        return ROOT.resolve(m.group(1)).toString();
    }

    @Test
    void lint_asTheReadmeSays() throws Exception {
        String template = readmeTemplate();

        assertThat(run("lint", template)).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains(": /roleArn: WARNING template.placeholder-unresolved Unresolved placeholder <YOUR AWS ACCOUNT>")
                .doesNotContain(" ERROR ");

        assertThat(run("lint", "--policy", "staging", template)).isEqualTo(1);
        assertThat(out.toString()).contains(": /stopConditions: ERROR policy.alarm-required")
                .contains("requires an alarm stop condition");
    }

    @Test
    void plan_asTheReadmeSays() throws Exception {
        assertThat(run("plan", readmeTemplate())).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("aws:ec2:terminate-instances  at 0s").contains("* instant")
                .contains("PERCENT(25)  25% of matching resources  NO")
                .contains("Irreversible: ec2-instances-terminate");
    }
}
