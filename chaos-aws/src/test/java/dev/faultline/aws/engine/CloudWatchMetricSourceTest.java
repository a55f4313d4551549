package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SdkClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

@Timeout(60)
class CloudWatchMetricSourceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FROM = T0.minus(Duration.ofMinutes(5));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    /** A CloudWatch client that records GetMetricData requests and answers from a queue. */
    private static final class FakeCloudWatch implements CloudWatchAsyncClient {
        final List<GetMetricDataRequest> requests = new CopyOnWriteArrayList<>();
        final Deque<CompletableFuture<GetMetricDataResponse>> answers = new ArrayDeque<>();

        FakeCloudWatch answer(GetMetricDataResponse response) {
            answers.add(CompletableFuture.completedFuture(response));
            return this;
        }

        FakeCloudWatch fail(Throwable error) {
            answers.add(CompletableFuture.failedFuture(error));
            return this;
        }

        @Override
        public synchronized CompletableFuture<GetMetricDataResponse> getMetricData(GetMetricDataRequest request) {
            requests.add(request);
            CompletableFuture<GetMetricDataResponse> next = answers.poll();
            return next != null ? next : CompletableFuture.completedFuture(GetMetricDataResponse.builder().build());
        }

        @Override
        public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
            return CloudWatchServiceClientConfiguration.builder().build();
        }

        @Override
        public String serviceName() {
            return "monitoring";
        }

        @Override
        public void close() {}
    }

    private CloudWatchMetricSource source(CloudWatchAsyncClient client) {
        return new CloudWatchMetricSource(client, new AwsCalls(PreflightFixture.CONFIG, scheduler));
    }

    private static SteadyStateCondition errors() {
        return steadyState("errors").metric("App", "Errors").dimension("Service", "checkout")
                .dimension("Stage", "prod").sum().per(Duration.ofMinutes(5)).below(5).toModel();
    }

    private static GetMetricDataResponse page(String token, Instant[] times, double... values) {
        return GetMetricDataResponse.builder().nextToken(token).metricDataResults(MetricDataResult.builder()
                .id("m0").statusCode(token == null ? StatusCode.COMPLETE : StatusCode.PARTIAL_DATA)
                .timestamps(times).values(java.util.Arrays.stream(values).boxed().toList()).build()).build();
    }

    @Test
    void read_sendsTheStatisticPeriodDimensionsAndWindow() {
        FakeCloudWatch cw = new FakeCloudWatch();

        source(cw).read(errors(), FROM, T0).join();

        GetMetricDataRequest r = cw.requests.get(0);
        assertThat(r.startTime()).isEqualTo(FROM);
        assertThat(r.endTime()).isEqualTo(T0);
        assertThat(r.scanBy()).isEqualTo(ScanBy.TIMESTAMP_ASCENDING);
        assertThat(r.nextToken()).isNull();
        MetricDataQuery q = r.metricDataQueries().get(0);
        assertThat(q.id()).isEqualTo("m0");
        assertThat(q.returnData()).isTrue();
        assertThat(q.label()).isEqualTo("errors");
        assertThat(q.metricStat().stat()).isEqualTo("Sum");
        assertThat(q.metricStat().period()).isEqualTo(300);
        assertThat(q.metricStat().metric().namespace()).isEqualTo("App");
        assertThat(q.metricStat().metric().metricName()).isEqualTo("Errors");
        assertThat(q.metricStat().metric().dimensions()).containsExactlyInAnyOrder(
                Dimension.builder().name("Service").value("checkout").build(),
                Dimension.builder().name("Stage").value("prod").build());
    }

    @Test
    void read_severalPages_followsNextTokenAndSortsOldestFirst() {
        Instant a = FROM;
        Instant b = FROM.plusSeconds(60);
        Instant c = FROM.plusSeconds(120);
        FakeCloudWatch cw = new FakeCloudWatch()
                .answer(page("t1", new Instant[] {c}, 3))
                .answer(page("t2", new Instant[] {a}, 1))
                .answer(page(null, new Instant[] {b}, 2));

        List<MetricPoint> points = source(cw).read(errors(), FROM, T0).join();

        assertThat(points).containsExactly(new MetricPoint(a, 1), new MetricPoint(b, 2), new MetricPoint(c, 3));
        assertThat(cw.requests).extracting(GetMetricDataRequest::nextToken).containsExactly(null, "t1", "t2");
        assertThat(cw.requests.get(2).metricDataQueries()).isEqualTo(cw.requests.get(0).metricDataQueries());
    }

    @Test
    void read_noData_returnsAnEmptyList() {
        FakeCloudWatch cw = new FakeCloudWatch().answer(page(null, new Instant[0]));

        assertThat(source(cw).read(errors(), FROM, T0).join()).isEmpty();
    }

    @Test
    void read_sameTokenTwice_failsInsteadOfLooping() {
        FakeCloudWatch cw = new FakeCloudWatch().answer(page("t1", new Instant[0])).answer(page("t1", new Instant[0]));

        assertThatThrownBy(() -> source(cw).read(errors(), FROM, T0).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(EngineException.class)
                .hasMessageContaining("kept returning pages");
    }

    @Test
    void read_serviceError_failsWithAnEngineExceptionKeepingTheCause() {
        CloudWatchException denied = (CloudWatchException) CloudWatchException.builder().statusCode(403)
                .message("not authorized").build();
        FakeCloudWatch cw = new FakeCloudWatch().fail(denied);

        assertThatThrownBy(() -> source(cw).read(errors(), FROM, T0).join())
                .cause().isInstanceOf(FaultlineException.class)
                .hasMessageContaining("GetMetricData failed for steady-state condition errors")
                .hasCause(denied);
    }

    @Test
    void read_resultForbidden_fails() {
        FakeCloudWatch cw = new FakeCloudWatch().answer(GetMetricDataResponse.builder()
                .metricDataResults(MetricDataResult.builder().id("m0").statusCode(StatusCode.FORBIDDEN)
                        .messages(MessageData.builder().code("Forbidden").value("no access").build()).build())
                .build());

        assertThatThrownBy(() -> source(cw).read(errors(), FROM, T0).join())
                .cause().isInstanceOf(EngineException.class).hasMessageContaining("Forbidden: no access");
    }

    @Test
    void read_badArguments_failAtOnceSayingWhat() {
        CloudWatchMetricSource s = source(new FakeCloudWatch());
        SteadyStateCondition noNamespace = SteadyStateCondition.builder().from(errors()).namespace(java.util.Optional.empty())
                .build();
        SteadyStateCondition subSecond = SteadyStateCondition.builder().from(errors()).period(Duration.ofMillis(1500))
                .build();

        assertThatThrownBy(() -> s.read(noNamespace, FROM, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no namespace");
        assertThatThrownBy(() -> s.read(subSecond, FROM, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> s.read(errors(), T0, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void create_againstLocalFis_readsTheStatisticOfTheGivenDimensions() {
        try (LocalFis local = LocalFis.builder().clock(Clocks.manual(T0)).start();
                CloudWatchAsyncClient cw = SdkClients.cloudWatch(local)) {
            local.alarms().putMetricSeries(MetricId.of("App", "Errors", "Service", "checkout", "Stage", "prod"),
                    FROM, Duration.ofMinutes(1), 1, 2, 3, 4, 5);
            local.alarms().putMetricSeries(MetricId.of("App", "Errors", "Service", "cart", "Stage", "prod"),
                    FROM, Duration.ofMinutes(1), 100, 100, 100, 100, 100);
            SteadyStateCondition perMinute = SteadyStateCondition.builder().from(errors()).period(Duration.ofMinutes(1))
                    .build();

            List<MetricPoint> sums = CloudWatchMetricSource.create(cw, scheduler).read(errors(), FROM, T0).join();
            List<MetricPoint> minutes = CloudWatchMetricSource.create(cw).read(perMinute, FROM, T0).join();
            List<MetricPoint> none = CloudWatchMetricSource.create(cw).read(perMinute, T0, T0.plusSeconds(600)).join();

            assertThat(sums).containsExactly(new MetricPoint(FROM, 15));
            assertThat(minutes).extracting(MetricPoint::value).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
            assertThat(minutes.get(4).time()).isEqualTo(T0.minusSeconds(60));
            assertThat(none).isEmpty();
        }
    }
}
