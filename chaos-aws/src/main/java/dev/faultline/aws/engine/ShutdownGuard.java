package dev.faultline.aws.engine;

import dev.faultline.core.engine.StopSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's JVM shutdown hook. Within the grace period ({@link EngineConfig#shutdownWait()},
 * wall time, for the whole hook) it:
 *
 * <ol>
 *   <li>cancels the starts still queued for a slot (they created nothing);</li>
 *   <li>aborts every start in progress (registered before its first mutating call): no further
 *       CreateExperimentTemplate or StartExperiment attempt is sent, the call in flight is let
 *       finish, then everything the start created is found by its {@code faultline:run} tag (an
 *       answer lost in flight does not matter), its experiment stopped and awaited, its template
 *       deleted;</li>
 *   <li>stops every run the engine started that is still going, waits for it to end, and deletes
 *       its template (unless the clean-up policy is {@link TemplateCleanup#NEVER});</li>
 *   <li>with a journal, waits for the journal writer to make every write queued so far (the
 *       stopped runs' last events included).</li>
 * </ol>
 *
 * <p>Runs the engine attached to are left alone: another controller owns them. Registered once,
 * removed by the engine's close.
 */
final class ShutdownGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

    private final EngineContext context;
    private final Supplier<Collection<FisRun>> runs;
    private final Supplier<Collection<Launch>> launches;
    private final AccountGate gate;
    private final Duration wait;
    private final Thread hook;
    private final Supplier<CompletableFuture<Void>> journalFlush;

    /**
     * Creates and registers the hook.
     *
     * @param context the engine's shared parts
     * @param runs the engine's watched runs
     * @param launches the engine's starts in progress
     * @param gate the engine's admission queue
     * @param journalFlush a future done once the journal writes queued so far are made
     */
    ShutdownGuard(EngineContext context, Supplier<Collection<FisRun>> runs, Supplier<Collection<Launch>> launches,
            AccountGate gate, Supplier<CompletableFuture<Void>> journalFlush) {
        this.context = Objects.requireNonNull(context, "context");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.launches = Objects.requireNonNull(launches, "launches");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.journalFlush = Objects.requireNonNull(journalFlush, "journalFlush");
        this.wait = context.config.shutdownWait();
        this.hook = new Thread(this::stopAll, "faultline-engine-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Removes the hook; does nothing once the JVM is shutting down. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM shutting down; the hook stays", e);
        }
    }

    /** What the hook does; package-private so that tests can run it without a JVM shutdown. */
    void stopAll() {
        long deadline = System.nanoTime() + wait.toNanos();
        context.shutDown(); // a start or preview registered after this sends nothing
        gate.cancelAll("The JVM is shutting down; the queued start was cancelled before it created anything");
        List<Launch> aborted = new ArrayList<>();
        List<CompletableFuture<Void>> handingOver = new ArrayList<>();
        for (Launch launch : List.copyOf(launches.get())) {
            if (launch.abort()) {
                LOG.info("JVM shutdown: aborting an unfinished start run={}", launch.runId());
                aborted.add(launch);
            } else {
                handingOver.add(launch.settled());
            }
        }
        await(handingOver, deadline, "starts being handed over");
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (FisRun run : List.copyOf(runs.get())) {
            if (run.startedByEngine() && !run.state().isTerminal()) {
                LOG.info("JVM shutdown: stopping experiment experimentId={}", run.experimentId());
                run.stop(StopSource.SHUTDOWN, "The JVM of the controller that started it is shutting down");
                work.add(run.settled().thenCompose(ignored -> deleteTemplate(run)));
            }
        }
        RunSweep sweep = new RunSweep(context);
        for (Launch launch : aborted) {
            // let the call in flight finish (its answer tells the ids); then find everything by tag
            work.add(launch.inFlight().handle((r, e) -> null)
                    .thenCompose(ignored -> sweep.sweep(launch, deadline))
                    .exceptionally(error -> {
                        LOG.warn("JVM shutdown: could not remove everything of the unfinished start run={} (look for"
                                + " the tag {}={})", launch.runId(), Launcher.RUN_TAG, launch.runId(),
                                AwsCalls.unwrap(error));
                        return null;
                    }));
        }
        await(work, deadline, "experiments to stop and templates to be deleted");
        await(List.of(journalFlush.get()), deadline, "the journal writes still queued");
    }

    private CompletableFuture<Void> deleteTemplate(FisRun run) {
        if (!run.ownsTemplate() || run.templateId().isEmpty()
                || context.config.templateCleanup() == TemplateCleanup.NEVER) {
            return CompletableFuture.completedFuture(null);
        }
        String templateId = run.templateId().get();
        return new RunCleanup(context).delete(templateId).exceptionally(error -> {
            LOG.warn("JVM shutdown: could not delete the template templateId={}", templateId, AwsCalls.unwrap(error));
            return null;
        });
    }

    private void await(List<CompletableFuture<Void>> futures, long deadline, String what) {
        if (futures.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("JVM shutdown: the grace period of {} ran out waiting for {}", wait, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("JVM shutdown: waiting for {} failed", what, e);
        }
    }
}
