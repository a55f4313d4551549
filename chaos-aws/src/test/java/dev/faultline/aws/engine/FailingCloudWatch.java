package dev.faultline.aws.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;

/**
 * A CloudWatch client that passes the calls the engine makes to LocalFis's, except that
 * PutCompositeAlarm (when told to) is refused as CloudWatch refuses one over its quota; counts
 * the puts.
 */
final class FailingCloudWatch implements CloudWatchAsyncClient {

    private final CloudWatchAsyncClient real;
    volatile boolean failComposite;
    final AtomicInteger metricPuts = new AtomicInteger();
    final AtomicInteger compositePuts = new AtomicInteger();

    FailingCloudWatch(CloudWatchAsyncClient real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<DescribeAlarmsResponse> describeAlarms(DescribeAlarmsRequest request) {
        return real.describeAlarms(request);
    }

    @Override
    public CompletableFuture<PutMetricAlarmResponse> putMetricAlarm(PutMetricAlarmRequest request) {
        metricPuts.incrementAndGet();
        return real.putMetricAlarm(request);
    }

    @Override
    public CompletableFuture<PutCompositeAlarmResponse> putCompositeAlarm(PutCompositeAlarmRequest request) {
        compositePuts.incrementAndGet();
        if (failComposite) {
            return CompletableFuture.failedFuture(CloudWatchException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("LimitExceeded")
                            .errorMessage("The maximum number of composite alarms is reached").build())
                    .build());
        }
        return real.putCompositeAlarm(request);
    }

    @Override
    public CompletableFuture<DeleteAlarmsResponse> deleteAlarms(DeleteAlarmsRequest request) {
        return real.deleteAlarms(request);
    }

    @Override
    public CompletableFuture<GetMetricDataResponse> getMetricData(GetMetricDataRequest request) {
        return real.getMetricData(request);
    }

    @Override
    public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
        return real.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        // the fixture closes the real client
    }
}
