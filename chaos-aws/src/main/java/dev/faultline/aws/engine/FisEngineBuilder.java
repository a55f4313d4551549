package dev.faultline.aws.engine;

import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/** Builds a {@link FisEngine}: the clients it calls, its policy, configuration, clock and scheduler. */
public final class FisEngineBuilder {
    FisAsyncClient fis;
    CloudWatchAsyncClient cloudWatch;
    IamAsyncClient iam;
    SafetyPolicy policy;
    Validator validator;
    MetricSource metrics;
    EngineConfig config;
    Clock clock;
    ScheduledExecutorService scheduler;
    RunJournal journal;
    String actor;

    FisEngineBuilder() {}

    /**
     * The journal every run started or attached is recorded in (header, every event, the
     * outcome), and that {@link FisEngine#resumeUnfinished()} reads; none by default.
     *
     * @param value the journal; the engine does not close it
     * @return this builder
     */
    public FisEngineBuilder journal(RunJournal value) {
        this.journal = Objects.requireNonNull(value, "journal");
        return this;
    }

    /**
     * Who starts the runs, as the journal records it; the OS user by default.
     *
     * @param value for example a user or service name
     * @return this builder
     */
    public FisEngineBuilder actor(String value) {
        this.actor = Objects.requireNonNull(value, "actor");
        return this;
    }

    /**
     * The FIS client (required).
     *
     * @param value the client; the engine does not close it
     * @return this builder
     */
    public FisEngineBuilder fis(FisAsyncClient value) {
        this.fis = Objects.requireNonNull(value, "fis");
        return this;
    }

    /**
     * The CloudWatch client (required): alarms and steady-state metrics.
     *
     * @param value the client; the engine does not close it
     * @return this builder
     */
    public FisEngineBuilder cloudWatch(CloudWatchAsyncClient value) {
        this.cloudWatch = Objects.requireNonNull(value, "cloudWatch");
        return this;
    }

    /**
     * The IAM client (optional): with it, the preflight checks the role's permissions.
     *
     * @param value the client; the engine does not close it
     * @return this builder
     */
    public FisEngineBuilder iam(IamAsyncClient value) {
        this.iam = Objects.requireNonNull(value, "iam");
        return this;
    }

    /**
     * A safety policy added to the validator ({@code Validator.standard().with(policy)}, or
     * the given validator with it).
     *
     * @param value the policy
     * @return this builder
     */
    public FisEngineBuilder policy(SafetyPolicy value) {
        this.policy = Objects.requireNonNull(value, "policy");
        return this;
    }

    /**
     * The validator; {@link Validator#standard()} by default.
     *
     * @param value the validator
     * @return this builder
     */
    public FisEngineBuilder validator(Validator value) {
        this.validator = Objects.requireNonNull(value, "validator");
        return this;
    }

    /**
     * Where steady-state metrics are read; by default CloudWatch {@code GetMetricData}
     * through the engine's rate limiter and retry.
     *
     * @param value the source
     * @return this builder
     */
    public FisEngineBuilder metrics(MetricSource value) {
        this.metrics = Objects.requireNonNull(value, "metrics");
        return this;
    }

    /**
     * The configuration; {@link EngineConfig#defaults()} by default.
     *
     * @param value the configuration
     * @return this builder
     */
    public FisEngineBuilder config(EngineConfig value) {
        this.config = Objects.requireNonNull(value, "config");
        return this;
    }

    /**
     * The clock of events, the watchdog and the recovery window; the system UTC clock by
     * default.
     *
     * @param value the clock
     * @return this builder
     */
    public FisEngineBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * The scheduler all runs share. By default the engine creates a small pool of daemon
     * threads and shuts it down on {@link FisEngine#close()}; an injected scheduler is not
     * shut down.
     *
     * @param value the scheduler
     * @return this builder
     */
    public FisEngineBuilder scheduler(ScheduledExecutorService value) {
        this.scheduler = Objects.requireNonNull(value, "scheduler");
        return this;
    }

    /**
     * Builds the engine and, when {@link EngineConfig#stopOnShutdown()}, registers its JVM
     * shutdown hook.
     *
     * @return the engine
     * @throws NullPointerException when the FIS or CloudWatch client is missing
     */
    public FisEngine build() {
        return new FisEngine(this);
    }
}
