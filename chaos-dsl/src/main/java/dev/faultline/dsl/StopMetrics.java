package dev.faultline.dsl;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.dsl.internal.Checks;
import java.time.Duration;

/**
 * Presets for the metric alarms the FIS guide names as stop conditions: user-facing metrics (an
 * Application Load Balancer's 5xx count and p99 response time) and infrastructure ones (an RDS
 * instance's connections, an SQS queue's backlog). Each returns a {@link MetricAlarm} to pass to
 * {@link Chaos#metric(MetricAlarm)} or to combine with {@link Chaos#anyOf(String, MetricAlarm...)};
 * change a preset with {@code MetricAlarm.builder().from(preset)}.
 *
 * <pre>{@code
 * experiment("checkout-az")
 *     .stopWhen(anyOf("checkout-stop",
 *             StopMetrics.alb5xxCount("checkout-5xx", "app/checkout/50dc6c495c0c9188", 5),
 *             StopMetrics.albP99ResponseTime("checkout-p99", "app/checkout/50dc6c495c0c9188", Duration.ofSeconds(2)),
 *             StopMetrics.rdsConnections("orders-db-connections", "orders-db", 400)))
 * }</pre>
 */
public final class StopMetrics {

    private StopMetrics() {}

    /**
     * ALB {@code HTTPCode_Target_5XX_Count}: more than {@code count} target 5xx responses in one minute.
     *
     * @param name the alarm name
     * @param loadBalancer the {@code LoadBalancer} dimension, {@code app/NAME/ID}
     * @param count the most 5xx responses a minute that is still healthy (the guide's example: 5)
     * @return the alarm
     */
    public static MetricAlarm alb5xxCount(String name, String loadBalancer, int count) {
        return MetricAlarm.builder().name(Checks.text("name", name)).namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").putDimension("LoadBalancer", Checks.text("loadBalancer", loadBalancer))
                .statistic("Sum").period(Duration.ofMinutes(1)).evaluationPeriods(1)
                .comparison(Comparison.GreaterThanThreshold).threshold(count).treatMissingData("notBreaching").build();
    }

    /**
     * ALB {@code TargetResponseTime} p99 above a latency for two of three minutes.
     *
     * @param name the alarm name
     * @param loadBalancer the {@code LoadBalancer} dimension, {@code app/NAME/ID}
     * @param p99 the highest healthy 99th-percentile response time
     * @return the alarm
     */
    public static MetricAlarm albP99ResponseTime(String name, String loadBalancer, Duration p99) {
        return MetricAlarm.builder().name(Checks.text("name", name)).namespace("AWS/ApplicationELB")
                .metricName("TargetResponseTime").putDimension("LoadBalancer", Checks.text("loadBalancer", loadBalancer))
                .statistic("p99").period(Duration.ofMinutes(1)).evaluationPeriods(3).datapointsToAlarm(2)
                .comparison(Comparison.GreaterThanThreshold).threshold(p99.toMillis() / 1000.0)
                .treatMissingData("notBreaching").build();
    }

    /**
     * RDS {@code DatabaseConnections} (maximum over a minute) above a count.
     *
     * @param name the alarm name
     * @param dbInstance the {@code DBInstanceIdentifier} dimension
     * @param connections the most connections that are still healthy
     * @return the alarm
     */
    public static MetricAlarm rdsConnections(String name, String dbInstance, int connections) {
        return MetricAlarm.builder().name(Checks.text("name", name)).namespace("AWS/RDS")
                .metricName("DatabaseConnections").putDimension("DBInstanceIdentifier", Checks.text("dbInstance", dbInstance))
                .statistic("Maximum").period(Duration.ofMinutes(1)).evaluationPeriods(1)
                .comparison(Comparison.GreaterThanThreshold).threshold(connections).build();
    }

    /**
     * SQS {@code ApproximateNumberOfMessagesVisible} (maximum over a minute) above a backlog,
     * for two consecutive minutes.
     *
     * @param name the alarm name
     * @param queueName the {@code QueueName} dimension
     * @param messages the largest healthy backlog
     * @return the alarm
     */
    public static MetricAlarm sqsBacklog(String name, String queueName, int messages) {
        return MetricAlarm.builder().name(Checks.text("name", name)).namespace("AWS/SQS")
                .metricName("ApproximateNumberOfMessagesVisible").putDimension("QueueName", Checks.text("queueName", queueName))
                .statistic("Maximum").period(Duration.ofMinutes(1)).evaluationPeriods(2)
                .comparison(Comparison.GreaterThanThreshold).threshold(messages).build();
    }
}
