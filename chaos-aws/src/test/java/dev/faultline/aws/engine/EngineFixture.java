package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Scenarios;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SdkClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * One LocalFis on a manual clock (10 worker instances, an alarm {@code HighErrors}), SDK
 * clients for it, and engines with test-sized intervals.
 */
final class EngineFixture implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/FisRole";
    static final String ALARM = "HighErrors";
    static final MetricId ERRORS = MetricId.of("App", "Errors");

    /** One HTTP client for every fixture: its event loop's graceful shutdown costs seconds. */
    private static final SdkAsyncHttpClient HTTP = NettyNioAsyncHttpClient.create();

    final ManualClock clock;
    final LocalFis localFis;
    final FisAsyncClient fis;
    final CloudWatchAsyncClient cloudWatch;

    EngineFixture() {
        this(Clocks.manual());
    }

    EngineFixture(ManualClock clock) {
        this.clock = clock;
        this.localFis = LocalFis.builder().clock(clock).seed(7)
                .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                .alarms(a -> a.create(ALARM))
                .start();
        this.fis = SdkClients.fis(localFis, HTTP);
        this.cloudWatch = SdkClients.cloudWatch(localFis, HTTP);
    }

    /** Short intervals, a high rate, no shutdown hook. */
    static EngineConfig.Builder testConfig() {
        return EngineConfig.builder()
                .pollInterval(Duration.ofMillis(20))
                .fastPollInterval(Duration.ofMillis(10))
                .maxCallsPerSecond(2000)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(100))
                .stopOnShutdown(false);
    }

    FisEngineBuilder engine(EngineConfig config) {
        return engine(config, clock);
    }

    FisEngineBuilder engine(EngineConfig config, Clock engineClock) {
        return FisEngine.builder().fis(fis).cloudWatch(cloudWatch).config(config).clock(engineClock);
    }

    FisEngine engine() {
        return engine(testConfig().build()).build();
    }

    /** Compute node loss on the workers: 20 % stopped, restarted after {@code restartAfter}. */
    ExperimentDraft nodeLossDraft(String tagValue, Duration restartAfter) {
        return nodeLossDraft(localFis, tagValue, restartAfter);
    }

    /** Compute node loss against a LocalFis, with its alarm as stop condition. */
    static ExperimentDraft nodeLossDraft(LocalFis on, String tagValue, Duration restartAfter) {
        return nodeLossDraft(on.alarms().arnOf(ALARM), tagValue, restartAfter);
    }

    /** Compute node loss with an alarm ARN as stop condition. */
    static ExperimentDraft nodeLossDraft(String alarmArn, String tagValue, Duration restartAfter) {
        ExperimentDraft base = experiment("node-loss").role(ROLE)
                .stopWhen(alarm(alarmArn))
                .tag("Team", "chaos");
        return Scenarios.computeNodeLoss(base, "Role", tagValue, 20, restartAfter);
    }

    Experiment nodeLoss() {
        return nodeLossDraft("Worker", Duration.ofMinutes(5)).build();
    }

    /** Node loss with a hypothesis: the maximum of App/Errors per minute stays below 5. */
    Experiment nodeLossWithHypothesis(Duration recoveryWindow) {
        return nodeLossDraft("Worker", Duration.ofMinutes(5))
                .hypothesis("errors stay low", steadyState("errors").metric(ERRORS.namespace(), ERRORS.name())
                        .maximum().per(Duration.ofMinutes(1)).below(5))
                .recoveryWindow(recoveryWindow)
                .build();
    }

    /** How long {@link #await} waits before failing: generous, a deadline for hangs, not a timing assertion. */
    static final Duration AWAIT_DEADLINE = Duration.ofSeconds(60);

    /** Waits (polling every 5 ms) until a condition holds, failing after {@link #AWAIT_DEADLINE}. */
    static void await(BooleanSupplier condition) {
        await("the awaited condition", condition);
    }

    /** Waits (polling every 5 ms) until a condition holds, failing with its description after the deadline. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT_DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + AWAIT_DEADLINE.toSeconds() + " s for " + what + "; it never held");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waits until the run has published an event of a kind that matches. */
    static <T extends RunEvent> T awaitEvent(ExperimentRun run, Class<T> type, Predicate<T> matching) {
        while (true) {
            List<RunEvent> events = run.events();
            for (RunEvent e : events) {
                if (type.isInstance(e) && matching.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            await("an event " + type.getSimpleName() + " of run " + run.experimentId() + " (events so far: "
                    + events + ")", () -> run.events().size() > events.size());
        }
    }

    /** Advances the clock in steps, giving the engine time to poll, until the run completes. */
    void advanceUntilDone(ExperimentRun run, Duration step) {
        long deadline = System.nanoTime() + AWAIT_DEADLINE.toNanos();
        while (!run.completion().isDone()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("run " + run.experimentId() + " did not complete within "
                        + AWAIT_DEADLINE.toSeconds() + " s of advancing the clock by " + step + " steps");
            }
            clock.advance(step);
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        fis.close();
        cloudWatch.close();
        localFis.close();
    }
}
