package dev.faultline.core.catalog;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holds the shipped AWSFIS-Run-* documents against fis-api.md §5.3. */
class SsmDocumentDefinitionTest {

    private static final Catalog CATALOG = Catalog.defaultCatalog();

    /** §5.3: each document and its required parameters. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            entry("AWSFIS-Run-CPU-Stress", List.of("DurationSeconds")),
            entry("AWSFIS-Run-Disk-Fill", List.of("DurationSeconds")),
            entry("AWSFIS-Run-IO-Stress", List.of("DurationSeconds")),
            entry("AWSFIS-Run-Kill-Process", List.of("ProcessName")),
            entry("AWSFIS-Run-Memory-Stress", List.of("DurationSeconds", "Percent")),
            entry("AWSFIS-Run-Network-Blackhole-Port", List.of("Protocol", "Port", "DurationSeconds")),
            entry("AWSFIS-Run-Network-Latency", List.of("DurationSeconds")),
            entry("AWSFIS-Run-Network-Latency-Sources", List.of("Sources", "DurationSeconds")),
            entry("AWSFIS-Run-Network-Packet-Loss", List.of("DurationSeconds")),
            entry("AWSFIS-Run-Network-Packet-Loss-Sources", List.of("Sources", "DurationSeconds")));

    @Test
    void documents_areThe10RunDocumentsAndThreeEcsVariants() {
        assertThat(CATALOG.ssmDocuments().stream().filter(document -> !document.ecsOnly()).map(SsmDocumentDefinition::name))
                .containsExactlyInAnyOrderElementsOf(REQUIRED.keySet());
        assertThat(CATALOG.ssmDocuments().stream().filter(SsmDocumentDefinition::ecsOnly).map(SsmDocumentDefinition::name))
                .containsExactly("AWSFIS-Run-Network-Blackhole-Port-ECS", "AWSFIS-Run-Network-Latency-ECS",
                        "AWSFIS-Run-Network-Packet-Loss-ECS");
    }

    @Test
    void requiredParameters_followSection53() {
        REQUIRED.forEach((name, required) ->
                assertThat(document(name).requiredParameterNames()).as(name).containsExactlyElementsOf(required));
    }

    @Test
    void ecsVariants_haveUnknownParameters() {
        CATALOG.ssmDocuments().stream().filter(SsmDocumentDefinition::ecsOnly).forEach(document -> {
            assertThat(document.parametersKnown()).isFalse();
            assertThat(document.parameters()).isEmpty();
            assertThat(document.notes()).isNotEmpty();
        });
    }

    @Test
    void parameterDetails_followSection53() {
        SsmDocumentDefinition cpu = document("AWSFIS-Run-CPU-Stress");
        assertThat(cpu.parameters().keySet()).containsExactly("DurationSeconds", "CPU", "LoadPercent", "InstallDependencies");
        assertThat(cpu.parameter("LoadPercent").orElseThrow().defaultValue()).contains("100");
        assertThat(cpu.parameter("LoadPercent").orElseThrow().max()).hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("100"));
        assertThat(cpu.parameter("InstallDependencies").orElseThrow().defaultValue()).contains("True");
        assertThat(document("AWSFIS-Run-Disk-Fill").parameter("Percent").orElseThrow().defaultValue()).contains("95");
        assertThat(document("AWSFIS-Run-Kill-Process").parameter("Signal").orElseThrow().enumValues())
                .containsExactly("SIGTERM", "SIGKILL");
        assertThat(document("AWSFIS-Run-Network-Blackhole-Port").parameter("TrafficType").orElseThrow().defaultValue())
                .contains("ingress");
        assertThat(document("AWSFIS-Run-Network-Latency").parameter("Interface").orElseThrow().defaultValue()).contains("eth0");
        assertThat(document("AWSFIS-Run-Network-Latency-Sources").parameter("Interface").orElseThrow().defaultValue())
                .contains("DEFAULT");
        assertThat(document("AWSFIS-Run-Network-Packet-Loss").parameter("LossPercent").orElseThrow().defaultValue()).contains("7");
    }

    @Test
    void dependenciesAndExtraPermissions_followSection53() {
        assertThat(document("AWSFIS-Run-CPU-Stress").dependencies()).containsExactly("stress-ng");
        assertThat(document("AWSFIS-Run-Disk-Fill").dependencies()).containsExactly("atd", "kmod", "fallocate");
        assertThat(document("AWSFIS-Run-Kill-Process").dependencies()).containsExactly("killall");
        assertThat(document("AWSFIS-Run-Network-Blackhole-Port").dependencies()).containsExactly("atd", "dig", "lsof", "iptables");
        assertThat(document("AWSFIS-Run-Network-Latency-Sources").dependencies()).containsExactly("atd", "dig", "jq", "lsof", "tc");
        assertThat(document("AWSFIS-Run-Network-Latency-Sources").extraPermissions())
                .containsExactly("ec2:DescribeInstances", "ec2:DescribeSubnets");
        assertThat(document("AWSFIS-Run-Network-Latency").extraPermissions()).isEmpty();
        assertThat(document("AWSFIS-Run-Kill-Process").reversible()).isFalse();
        assertThat(document("AWSFIS-Run-CPU-Stress").reversible()).isTrue();
    }

    @Test
    void ssmDocument_acceptsANameOrAnArn() {
        assertThat(CATALOG.ssmDocument("AWSFIS-Run-CPU-Stress")).isPresent();
        assertThat(CATALOG.ssmDocument("arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress"))
                .map(SsmDocumentDefinition::name).contains("AWSFIS-Run-CPU-Stress");
        assertThat(CATALOG.ssmDocument("arn:aws-cn:ssm:cn-north-1::document/AWSFIS-Run-Kill-Process")).isPresent();
        assertThat(CATALOG.ssmDocument("arn:aws:ssm:us-east-1:123456789012:document/StopIISAppPool")).isEmpty();
        assertThat(CATALOG.ssmDocument("arn:aws:s3:::document/AWSFIS-Run-CPU-Stress")).isEmpty();
        assertThat(CATALOG.ssmDocument("arn:aws:ssm:us-east-1::automation-definition/AWSFIS-Run-CPU-Stress")).isEmpty();
        assertThat(CATALOG.ssmDocument("awsfis-run-cpu-stress")).isEmpty();
    }

    private static SsmDocumentDefinition document(String name) {
        return CATALOG.ssmDocument(name).orElseThrow(() -> new AssertionError("no document " + name));
    }
}
