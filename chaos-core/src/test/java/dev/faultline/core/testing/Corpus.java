package dev.faultline.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The 23 real FIS templates of aws-samples/fis-template-library, kept as test resources. */
public final class Corpus {

    /** The file names of the corpus, in alphabetical order. */
    public static final List<String> FILES = List.of(
            "aurora-cluster-failover-template.json",
            "aurora-global-region-failover-experiment-template.json",
            "aurora-postgres-cluster-loadtest-failover-template.json",
            "cloudfront-impairment-tag-based-experiment-template.json",
            "database-blocking-locks-template.json",
            "database-connection-limit-exhaustion-experiment-template.json",
            "direct-connect-resiliency-template.json",
            "dynamodb-region-impairment-experiment-template.json",
            "dynamodb-traffic-blackhole-region-impairment-template.json",
            "ec2-instances-terminate-template.json",
            "ec2-spot-interruption-template.json",
            "ec2-windows-stop-iis-template.json",
            "ecs-fargate-az-impairment-template.json",
            "elasticache-az-power-interruption-experiment-template.json",
            "elasticache-redis-primary-node-failover-experiment-template.json",
            "elasticache-redis-primary-node-reboot-experiment-template.json",
            "msk-broker-reboot-experiment-template.json",
            "mysql-rds-loadtest-failover-template.json",
            "redis-connection-failure-experiment-template.json",
            "sap-ebs-pause-database-data-template.json",
            "sap-ec2-instance-stop-sap-ascs-template.json",
            "sap-ec2-instance-stop-sap-database-template.json",
            "sqs-queue-impairment-tag-based-experiment-template.json");

    private Corpus() {}

    /**
     * The text of one corpus file.
     *
     * @param name the file name
     * @return its content
     */
    public static String text(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
