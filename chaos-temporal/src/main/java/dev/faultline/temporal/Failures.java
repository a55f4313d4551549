package dev.faultline.temporal;

import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what an activity caught into a Temporal failure: retryable for throttling, quotas (FIS
 * frees a slot when an experiment ends), 5xx and I/O errors, so Temporal's retry policy with
 * backoff takes over; not retryable for everything else (validation, not found, conflict).
 */
final class Failures {

    private Failures() {}

    /**
     * The failure to throw for an error of an AWS operation.
     *
     * @param operation what was called
     * @param error what it failed with, possibly wrapped
     * @return the failure
     */
    static ApplicationFailure of(String operation, Throwable error) {
        Throwable e = unwrap(error);
        String message = operation + " failed: " + e.getMessage();
        String type = e.getClass().getSimpleName();
        return retryable(e) ? ApplicationFailure.newFailureWithCause(message, type, e)
                : ApplicationFailure.newNonRetryableFailureWithCause(message, type, e);
    }

    /**
     * Tells whether an error is worth another attempt.
     *
     * @param error the error, unwrapped
     * @return true for throttling, quota, 5xx and I/O errors
     */
    static boolean retryable(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof AwsServiceException) {
            AwsServiceException ase = (AwsServiceException) e;
            return ase.isThrottlingException() || ase.statusCode() == 429 || ase.statusCode() == 402
                    || ase.statusCode() >= 500;
        }
        if (e instanceof SdkClientException) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes {@link CompletionException} and {@link ExecutionException} wrappers.
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

    /**
     * Tells whether an AWS error says the resource is not there (any more).
     *
     * @param error the error
     * @return true for a 404
     */
    static boolean notFound(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() == 404;
    }
}
