package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.fis.model.ValidationException;

@Timeout(30)
class AwsCallsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AwsCalls calls = new AwsCalls(EngineConfig.builder().maxAttempts(4)
            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).maxCallsPerSecond(1000).build(),
            scheduler);

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    private static AwsServiceException status(int code) {
        return AwsServiceException.builder().statusCode(code).message("status " + code).build();
    }

    @Test
    void retryable_throttling5xxAndIo_butNotClientErrors() {
        assertThat(AwsCalls.retryable(status(429))).isTrue();
        assertThat(AwsCalls.retryable(status(503))).isTrue();
        assertThat(AwsCalls.retryable(new CompletionException(status(500)))).isTrue();
        assertThat(AwsCalls.retryable(SdkClientException.create("reset", new IOException("Connection reset"))))
                .isTrue();
        assertThat(AwsCalls.retryable(status(404))).isFalse();
        assertThat(AwsCalls.retryable(ValidationException.builder().statusCode(400).message("bad").build())).isFalse();
        assertThat(AwsCalls.retryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void retryable_anAttemptTimeout_isRetried_theRequestMayHaveBeenApplied() {
        assertThat(AwsCalls.retryable(new CompletionException(
                software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException.create(250)))).isTrue();
        assertThat(AwsCalls.retryable(new CompletionException(new dev.faultline.core.engine.EngineException(
                "The JVM is shutting down")))).as("an aborted start is not retried").isFalse();
    }

    @Test
    void call_retriesA5xxUntilItSucceeds_andCountsEveryAttempt() {
        AtomicInteger tries = new AtomicInteger();
        String result = calls.call("Op", () -> tries.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(status(503)) : CompletableFuture.completedFuture("ok")).join();

        assertThat(result).isEqualTo("ok");
        assertThat(tries).hasValue(3);
        assertThat(calls.attempts()).isEqualTo(3);
    }

    @Test
    void call_doesNotRetryAClientError_andFailsWithItUnwrapped() {
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<String> f = calls.call("Op", () -> {
            tries.incrementAndGet();
            return CompletableFuture.failedFuture(status(400));
        });

        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(AwsServiceException.class).hasMessageContaining("status 400");
        assertThat(tries).hasValue(1);
    }

    @Test
    void call_givesUpAfterMaxAttempts() {
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<String> f = calls.call("Op", () -> {
            tries.incrementAndGet();
            return CompletableFuture.failedFuture(status(429));
        });

        assertThatThrownBy(f::join).cause().isInstanceOf(AwsServiceException.class);
        assertThat(tries).hasValue(4);
    }
}
