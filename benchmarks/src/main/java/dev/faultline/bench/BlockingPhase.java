package dev.faultline.bench;

import dev.faultline.aws.FisCompiler;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.ExperimentAction;
import software.amazon.awssdk.services.fis.model.StartExperimentResponse;

/**
 * The baseline: the same runs watched the simple way, one platform thread per run that creates
 * the template, starts the experiment, then calls {@code GetExperiment} and sleeps the poll
 * interval until the experiment is over, and deletes the template. A synchronous
 * {@link FisClient} over the Apache HTTP client with a connection per run (so no thread waits
 * for a connection), the SDK's default retries, no rate limit.
 */
final class BlockingPhase {

    private BlockingPhase() {}

    /**
     * Runs the phase.
     *
     * @param s the settings
     * @param endpoint LocalFis
     * @param experiment the experiment every run starts
     * @param clock the clock LocalFis runs on
     * @return the figures
     */
    static PhaseResult run(Settings s, URI endpoint, Experiment experiment, SharedClock clock) {
        CallRecorder calls = new CallRecorder(s.callCapacity());
        ThreadCensus census = new ThreadCensus();
        SdkHttpClient http = ApacheHttpClient.builder().maxConnections(s.runs()).build();
        FisClient fis = FisClient.builder().httpClient(http).endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
        FisCompiler compiler = FisCompiler.create();
        Lateness lateness = new Lateness(clock.factor());
        CountDownLatch started = new CountDownLatch(s.runs());
        CountDownLatch done = new CountDownLatch(s.runs());
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        try {
            prime(fis, compiler, experiment);
            calls.reset();
            MemoryReading before = MemoryReading.read();
            long t0 = System.nanoTime();
            for (int i = 0; i < s.runs(); i++) {
                Thread t = new Thread(() -> {
                    boolean[] counted = {false};
                    try {
                        RunState end = watch(fis, compiler, experiment, s, clock, lateness, () -> {
                            counted[0] = true;
                            started.countDown();
                        });
                        if (end == RunState.COMPLETED) {
                            completed.incrementAndGet();
                        } else {
                            firstFailure.compareAndSet("", "ended " + end);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        firstFailure.compareAndSet("", e.toString());
                    } catch (RuntimeException e) {
                        firstFailure.compareAndSet("", EnginePhase.causes(e));
                    } finally {
                        if (!counted[0]) {
                            started.countDown();
                        }
                        done.countDown();
                    }
                }, ThreadCensus.RUN_THREAD_PREFIX + i);
                t.start();
            }
            await(started, s);
            census.sample();
            int inFlight = (int) done.getCount();
            MemoryReading during = MemoryReading.read();
            await(done, s);
            double wall = (System.nanoTime() - t0) / 1e9;
            census.close();
            return new PhaseResult("blocking", s.runs(), completed.get(), firstFailure.get(), wall,
                    census.baselineCount(), census.peak(), census.peakAdded(), census.peakByGroup(), inFlight,
                    during.heapUsed(), during.heapUsed() - before.heapUsed(),
                    before.rss() < 0 || during.rss() < 0 ? -1 : during.rss() - before.rss(), lateness,
                    calls.requests(), calls.maxInWindow(1, TimeUnit.SECONDS),
                    calls.busiestWindow(1, TimeUnit.SECONDS)[1] / 1000.0,
                    calls.maxInWindow(10, TimeUnit.SECONDS), calls.failures(), -1, 0, 0, 0);
        } finally {
            census.close();
            fis.close();
            http.close();
        }
    }

    /** One run started and stopped at once, so that classes and caches are in the baseline. */
    private static void prime(FisClient fis, FisCompiler compiler, Experiment experiment) {
        String token = "bench-" + UUID.randomUUID();
        String templateId = fis.createExperimentTemplate(compiler.createRequest(experiment, token + "-t"))
                .experimentTemplate().id();
        String id = fis.startExperiment(compiler.startRequest(templateId, ActionsMode.RUN_ALL).toBuilder()
                .clientToken(token + "-e").build()).experiment().id();
        fis.stopExperiment(b -> b.id(id));
        fis.getExperiment(b -> b.id(id));
        fis.deleteExperimentTemplate(b -> b.id(templateId));
    }

    /** One run on the calling thread; returns its final state. */
    private static RunState watch(FisClient fis, FisCompiler compiler, Experiment experiment, Settings s,
            Clock clock, Lateness lateness, Runnable onStarted) throws InterruptedException {
        String token = "bench-" + UUID.randomUUID();
        String templateId = fis.createExperimentTemplate(compiler.createRequest(experiment, token + "-t"))
                .experimentTemplate().id();
        StartExperimentResponse start = fis.startExperiment(compiler.startRequest(templateId, ActionsMode.RUN_ALL)
                .toBuilder().clientToken(token + "-e").build());
        List<Map.Entry<RunState, Instant>> seen = new ArrayList<>();
        software.amazon.awssdk.services.fis.model.Experiment e = start.experiment();
        RunState state = RunState.fromWireName(e.state().statusAsString());
        seen.add(new AbstractMap.SimpleImmutableEntry<>(state, clock.instant()));
        onStarted.run();
        String id = e.id();
        while (!state.isTerminal()) {
            Thread.sleep(s.poll().toMillis());
            e = fis.getExperiment(b -> b.id(id)).experiment();
            state = RunState.fromWireName(e.state().statusAsString());
            seen.add(new AbstractMap.SimpleImmutableEntry<>(state, clock.instant()));
        }
        fis.deleteExperimentTemplate(b -> b.id(templateId));
        Map<RunState, Instant> happened = new EnumMap<>(RunState.class);
        if (e.startTime() != null) {
            happened.put(RunState.INITIATING, e.startTime());
        }
        for (ExperimentAction a : e.actions().values()) {
            if (a.startTime() != null) {
                happened.put(RunState.RUNNING, a.startTime());
            }
        }
        if (state == RunState.COMPLETED && e.endTime() != null) {
            happened.put(RunState.COMPLETED, e.endTime());
        }
        lateness.add(happened, Lateness.firstSeen(seen));
        return state;
    }

    private static void await(CountDownLatch latch, Settings s) {
        long limit = s.hold().plusMinutes(10).toMillis();
        try {
            if (!latch.await(limit, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Runs did not end within " + limit + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
