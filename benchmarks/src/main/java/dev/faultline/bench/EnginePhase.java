package dev.faultline.bench;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.aws.engine.FisEngineBuilder;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * One engine phase: all runs started at once through one {@link FisEngine} whose clients share
 * a two-thread Netty event loop and the engine's two-thread scheduler (the SDK's own retries
 * off, so that every attempt passes the engine's rate limiter; SDK futures completed on the
 * event loop, since the engine hops to its scheduler itself). The threads are counted from before
 * the clients are built; the heap from after one priming run, so that classes, caches and the
 * clients themselves are in the baseline and the difference is what the runs in flight hold.
 */
final class EnginePhase {

    private static final AtomicInteger SCHEDULERS = new AtomicInteger();

    private EnginePhase() {}

    /**
     * Runs the phase.
     *
     * @param name the phase's name
     * @param s the settings
     * @param rate the engine's maxCallsPerSecond
     * @param endpoint LocalFis
     * @param experiment the experiment every run starts
     * @param clock the clock LocalFis runs on, given to the engine
     * @param out where the journal's figures are printed (database time, queueing delay, append
     *     latency), with {@link Settings#journal()}
     * @return the figures
     */
    static PhaseResult run(String name, Settings s, double rate, URI endpoint, Experiment experiment,
            SharedClock clock, PrintStream out) {
        TimedJournal journal = s.journal() == null ? null : TimedJournal.open(s.journal());
        try {
            return run(name, s, rate, endpoint, experiment, clock, journal);
        } finally {
            if (journal != null) {
                out.println("  " + name + ": " + journal.summary());
                journal.close();
            }
        }
    }

    private static PhaseResult run(String name, Settings s, double rate, URI endpoint, Experiment experiment,
            SharedClock clock, TimedJournal journal) {
        CallRecorder calls = new CallRecorder(s.callCapacity());
        ThreadCensus census = new ThreadCensus();
        int scheduler = SCHEDULERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, ThreadCensus.ENGINE_THREAD_PREFIX + "bench" + scheduler + "-"
                    + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        shared.setRemoveOnCancelPolicy(true);
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(2))
                .maxConcurrency(200)
                .build();
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
                .scheduledExecutorService(shared)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .addExecutionInterceptor(calls)
                .build();
        ClientAsyncConfiguration async = ClientAsyncConfiguration.builder()
                .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run)
                .build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        FisAsyncClient fis = FisAsyncClient.builder().httpClient(http).endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(override).asyncConfiguration(async).build();
        CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder().httpClient(http)
                .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(override).asyncConfiguration(async).build();
        EngineConfig config = EngineConfig.builder()
                .pollInterval(s.poll())
                .fastPollInterval(s.poll())
                .maxCallsPerSecond(rate)
                .stopOnShutdown(false)
                // the cells stand for some two hundred accounts behind one endpoint and one role
                // ARN: the engine's per-account admission cap must not serialise them
                .maxActivePerAccount(Integer.MAX_VALUE)
                .build();
        Lateness lateness = new Lateness(clock.factor());
        FisEngineBuilder builder = FisEngine.builder().fis(fis).cloudWatch(cloudWatch).config(config).clock(clock)
                .scheduler(shared);
        if (journal != null) {
            builder.journal(journal);
        }
        try (FisEngine engine = builder.build()) {
            RunOptions options = RunOptions.builder().preview(false).putTag("bench", name).build();
            // one run started and stopped at once, so that classes and caches are in the baseline
            engine.start(experiment, options).thenCompose(run -> run.stop("priming the benchmark")).join();
            calls.reset();
            if (journal != null) {
                journal.reset();
            }
            long attemptsBefore = engine.callAttempts();
            MemoryReading before = MemoryReading.read();
            long t0 = System.nanoTime();
            List<CompletableFuture<ExperimentRun>> started = new ArrayList<>(s.runs());
            List<CompletableFuture<RunOutcome>> outcomes = new ArrayList<>(s.runs());
            for (int i = 0; i < s.runs(); i++) {
                CompletableFuture<ExperimentRun> run = engine.start(experiment, options);
                if (journal != null) {
                    run.thenAccept(r -> stampQueued(engine, r, journal));
                }
                started.add(run);
                outcomes.add(run.thenCompose(ExperimentRun::completion));
            }
            awaitAll(started, s);
            census.sample();
            int inFlight = (int) outcomes.stream().filter(f -> !f.isDone()).count();
            MemoryReading during = MemoryReading.read();
            awaitAll(outcomes, s);
            double wall = (System.nanoTime() - t0) / 1e9;
            int completed = 0;
            String firstFailure = "";
            for (CompletableFuture<RunOutcome> f : outcomes) {
                try {
                    RunOutcome o = f.join();
                    if (o.state() == RunState.COMPLETED) {
                        completed++;
                    } else if (firstFailure.isEmpty()) {
                        firstFailure = o.state() + " " + o.reason().orElse("") + " " + o.errorCode().orElse("");
                    }
                    lateness.add(happened(o), Lateness.firstSeen(seen(o)));
                } catch (CompletionException e) {
                    if (firstFailure.isEmpty()) {
                        firstFailure = causes(e.getCause());
                    }
                }
            }
            census.close();
            return new PhaseResult(name, s.runs(), completed, firstFailure, wall, census.baselineCount(),
                    census.peak(), census.peakAdded(), census.peakByGroup(), inFlight,
                    during.heapUsed(), during.heapUsed() - before.heapUsed(),
                    before.rss() < 0 || during.rss() < 0 ? -1 : during.rss() - before.rss(), lateness,
                    calls.requests(), calls.maxInWindow(1, TimeUnit.SECONDS),
                    calls.busiestWindow(1, TimeUnit.SECONDS)[1] / 1000.0,
                    calls.maxInWindow(10, TimeUnit.SECONDS), calls.failures(),
                    engine.callAttempts() - attemptsBefore, rate, 0, 0);
        } finally {
            census.close();
            fis.close();
            cloudWatch.close();
            http.close();
            shared.shutdownNow();
        }
    }

    /**
     * Stamps each event of a journaled run as it is published, right after the engine's journal
     * listener queued its write; the events published before this listener was added (it receives
     * them first, late) are not stamped.
     */
    private static void stampQueued(FisEngine engine, ExperimentRun run, TimedJournal journal) {
        engine.journalRunId(run).ifPresent(id -> {
            int first = run.events().size();
            AtomicInteger received = new AtomicInteger();
            run.onEvent(e -> {
                int sequence = received.getAndIncrement();
                if (sequence >= first) {
                    journal.queued(id, sequence, System.nanoTime());
                }
            });
        });
    }

    /** An error and its causes, one line. */
    static String causes(Throwable error) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            b.append(b.length() == 0 ? "" : " <- ").append(t);
            for (Throwable s : t.getSuppressed()) {
                b.append(" [suppressed ").append(s).append(']');
            }
        }
        return b.toString();
    }

    private static Map<RunState, Instant> happened(RunOutcome o) {
        Map<RunState, Instant> out = new EnumMap<>(RunState.class);
        o.startTime().ifPresent(t -> out.put(RunState.INITIATING, t));
        if (!o.actions().isEmpty()) {
            o.actions().get(0).startTime().ifPresent(t -> out.put(RunState.RUNNING, t));
        }
        if (o.state() == RunState.COMPLETED) {
            o.endTime().ifPresent(t -> out.put(RunState.COMPLETED, t));
        }
        return out;
    }

    private static List<Map.Entry<RunState, Instant>> seen(RunOutcome o) {
        List<Map.Entry<RunState, Instant>> out = new ArrayList<>();
        for (RunEvent e : o.events()) {
            if (e instanceof RunEvent.StateChanged) {
                RunEvent.StateChanged c = (RunEvent.StateChanged) e;
                out.add(new AbstractMap.SimpleImmutableEntry<>(c.to(), c.time()));
            }
        }
        return out;
    }

    /** Waits, outside any future chain, for every future to finish (failed ones included). */
    static <T> void awaitAll(List<CompletableFuture<T>> futures, Settings s) {
        long limit = s.hold().plusMinutes(10).toMillis();
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(limit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // a failed run is counted by the caller; wait for the others
            for (CompletableFuture<T> f : futures) {
                try {
                    f.get(limit, TimeUnit.MILLISECONDS);
                } catch (ExecutionException ignored) {
                    // counted by the caller
                } catch (InterruptedException | TimeoutException e2) {
                    throw new IllegalStateException("Runs did not end within " + limit + " ms", e2);
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Runs did not end within " + limit + " ms", e);
        }
    }
}
