package dev.faultline.aws.engine;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every AWS call of one engine goes through here: one {@link CallPacer} shared by all runs (at
 * most {@code maxCallsPerSecond} calls in any second, counted when each is sent; stops before
 * polls before creates and starts; waits scheduled, never a blocked thread), and a Resilience4j
 * retry with exponential backoff and jitter on throttling, 5xx, I/O errors and attempt timeouts, each attempt
 * paced again. Other errors (validation, not found, conflict) are returned at once.
 */
final class AwsCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCalls.class);

    private final CallPacer pacer;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong attempts = new AtomicLong();

    /**
     * Creates the call gate.
     *
     * @param config the rate and retry settings
     * @param scheduler where waits are scheduled
     */
    AwsCalls(EngineConfig config, ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pacer = new CallPacer(config.maxCallsPerSecond(), scheduler, System::nanoTime);
        this.retry = Retry.of("faultline-aws", RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        config.initialBackoff(), 2.0, 0.5, config.maxBackoff()))
                .retryOnException(AwsCalls::retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    /**
     * Makes a call: waits for a permit, calls, and retries a retryable failure.
     *
     * @param operation the operation's name, for logs
     * @param call starts the SDK call; called once per attempt, so it must build the same
     *     request each time (same client token)
     * @param <T> the response type
     * @return the response, or the last error (unwrapped from {@link CompletionException})
     */
    <T> CompletableFuture<T> call(String operation, Supplier<CompletableFuture<T>> call) {
        Supplier<java.util.concurrent.CompletionStage<T>> limited = () -> paced(operation, call);
        return Retry.decorateCompletionStage(retry, scheduler, limited).get().toCompletableFuture()
                .handle((value, error) -> {
                    if (error != null) {
                        throw new CompletionException(unwrap(error));
                    }
                    return value;
                });
    }

    /**
     * How many attempts were made (retries included), for tests and benchmarks.
     *
     * @return the count
     */
    long attempts() {
        return attempts.get();
    }

    private <T> CompletableFuture<T> paced(String operation, Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> out = new CompletableFuture<>();
        pacer.submit(CallPacer.of(operation), () -> invoke(operation, call).whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(unwrap(e));
            } else {
                out.complete(v);
            }
        }));
        return out;
    }

    private <T> CompletableFuture<T> invoke(String operation, Supplier<CompletableFuture<T>> call) {
        attempts.incrementAndGet();
        LOG.trace("call operation={}", operation);
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Tells whether an error is worth another attempt: throttling, a 5xx, or an I/O error.
     *
     * @param error the error, possibly wrapped
     * @return true to retry
     */
    static boolean retryable(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AwsServiceException) {
            AwsServiceException ase = (AwsServiceException) e;
            return ase.isThrottlingException() || ase.statusCode() == 429 || ase.statusCode() >= 500;
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return true; // the attempt's answer did not come in time; the request may have been applied
        }
        if (e instanceof SdkClientException) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IOException) {
                    return true;
                }
            }
            return ((SdkException) e).retryable();
        }
        return e instanceof IOException;
    }

    /**
     * Removes the {@link CompletionException} and {@link ExecutionException} wrappers.
     *
     * @param error the error
     * @return the error inside
     */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
