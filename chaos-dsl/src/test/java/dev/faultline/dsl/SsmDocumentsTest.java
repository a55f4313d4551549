package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.SsmDocumentDefinition;
import dev.faultline.core.validation.ValidationResult;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The AWSFIS-Run documents are typed: every one with parameters has a factory, and what it writes validates. */
class SsmDocumentsTest {

    private static final Target<Ec2Instance> INSTANCES = ec2Instances().tagged("App", "web").count(1);

    @Test
    void sendCommand_withATypedDocument_writesTheArnAndTheParameters() {
        Ssm.SendCommand action = Ssm.sendCommand(INSTANCES, "us-east-1", Ssm.runCpuStress().loadPercent(80),
                Duration.ofMinutes(5));
        assertThat(action.parameters())
                .containsEntry("documentArn", "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress")
                .containsEntry("documentParameters", "{\"DurationSeconds\":\"300\",\"LoadPercent\":\"80\"}")
                .containsEntry("duration", "PT5M");
        assertThat(Ssm.runKillProcess("java").signal(Signal.SIGKILL).documentParameters(Duration.ofMinutes(1)))
                .isEqualTo("{\"ProcessName\":\"java\",\"Signal\":\"SIGKILL\"}");
        assertThat(Ssm.runDiskFill().durationSeconds(60).installDependencies(false)
                .documentParameters(Duration.ofMinutes(5)))
                .isEqualTo("{\"DurationSeconds\":\"60\",\"InstallDependencies\":\"False\"}");
    }

    @Test
    void everyDocumentWithParameters_hasATypedFactory_andValidates() throws Exception {
        Set<String> typed = new TreeSet<>();
        for (Method m : Ssm.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !RunDocument.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = m.getParameterTypes()[i];
                args[i] = type == int.class ? 50 : type == String.class ? "java"
                        : type == String[].class ? new String[] {"us-east-1b"}
                        : type == List.class ? List.of("us-east-1b") : type.getEnumConstants()[0];
            }
            RunDocument<?> document = (RunDocument<?>) m.invoke(null, args);
            typed.add(document.documentName());
            ValidationResult result = experiment().description("d").role("arn:aws:iam::123456789012:role/r")
                    .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a"))
                    .action("run", Ssm.sendCommand(INSTANCES, "us-east-1", document, Duration.ofMinutes(5)))
                    .validate();
            assertThat(result.errors()).as(document.toString()).isEmpty();
        }
        Set<String> expected = new TreeSet<>();
        for (SsmDocumentDefinition d : Catalog.defaultCatalog().ssmDocuments()) {
            if (!d.parameters().isEmpty()) {
                expected.add(d.name());
            }
        }
        assertThat(typed).isEqualTo(expected).hasSize(10);
    }
}
