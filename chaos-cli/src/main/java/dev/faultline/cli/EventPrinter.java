package dev.faultline.cli;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.CheckPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a run's events as they come, one line each, prefixed with the time since the run
 * started (event times come from the engine's clock): {@code +02:05  action stop-workers running → completed}.
 */
final class EventPrinter implements RunListener {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private final PrintWriter out;
    private final Duration planned;
    private Instant origin;
    private Instant runningSince;
    private Instant lastDuring = Instant.MIN;
    private boolean lastHeld = true;
    private final Map<String, ActionState> actions = new LinkedHashMap<>();
    private RunState state = RunState.PENDING;
    private long lastPrintNanos = System.nanoTime();

    /**
     * Creates a printer.
     *
     * @param out where to print
     * @param planned the plan's total duration, for the progress bar (zero for none)
     */
    EventPrinter(PrintWriter out, Duration planned) {
        this.out = out;
        this.planned = planned;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (origin == null) {
            origin = event.time();
        }
        if (event instanceof RunEvent.StateChanged) {
            state = ((RunEvent.StateChanged) event).to();
            if (state == RunState.RUNNING) {
                runningSince = event.time();
            }
        }
        if (event instanceof RunEvent.ActionStateChanged) {
            RunEvent.ActionStateChanged a = (RunEvent.ActionStateChanged) event;
            actions.put(a.actionName(), a.to());
        }
        String line = describe(event);
        if (event instanceof RunEvent.HypothesisChecked
                && ((RunEvent.HypothesisChecked) event).phase() == CheckPhase.DURING) {
            line = during((RunEvent.HypothesisChecked) event, line);
        }
        if (line != null) {
            synchronized (out) {
                out.println("  " + offset(event.time()) + "  " + line);
                out.flush();
            }
            lastPrintNanos = System.nanoTime();
        }
    }

    /**
     * Prints a progress line (wall-clock time elapsed, the run's state, the actions running) when
     * nothing was printed for {@code quiet}, so a run without a hypothesis is not silent for minutes.
     *
     * @param elapsed wall-clock time since the run started
     * @param quiet how long without a line before one is printed
     * @return whether a line was printed
     */
    synchronized boolean progressIfQuiet(Duration elapsed, Duration quiet) {
        if (System.nanoTime() - lastPrintNanos < quiet.toNanos()) {
            return false;
        }
        List<String> running = new ArrayList<>();
        actions.forEach((name, s) -> {
            if (s == ActionState.RUNNING || s == ActionState.STOPPING) {
                running.add(name);
            }
        });
        String line = "  ...     elapsed " + String.format("%dm%02ds", elapsed.toMinutes(), elapsed.toSecondsPart())
                + ": experiment " + state + ", " + (running.isEmpty() ? "no action running"
                        : "actions running: " + String.join(", ", running));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        lastPrintNanos = System.nanoTime();
        return true;
    }

    /** A steady-state reading during the run: printed when it changes or once a minute, with progress. */
    private String during(RunEvent.HypothesisChecked event, String line) {
        boolean held = event.held();
        if (held == lastHeld && Duration.between(lastDuring, event.time()).compareTo(QUIET) < 0) {
            return null;
        }
        lastHeld = held;
        lastDuring = event.time();
        return progress(event.time()) + line;
    }

    private String progress(Instant time) {
        if (runningSince == null || planned.isZero()) {
            return "";
        }
        double done = Math.min(1, Math.max(0, (double) Duration.between(runningSince, time).toMillis() / planned.toMillis()));
        int filled = (int) Math.round(done * 10);
        return "[" + "#".repeat(filled) + "-".repeat(10 - filled) + "] " + String.format("%3d%%", Math.round(done * 100)) + "  ";
    }

    private String offset(Instant time) {
        Duration d = origin == null ? Duration.ZERO : Duration.between(origin, time);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return String.format("+%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    static String describe(RunEvent event) {
        if (event instanceof RunEvent.RunQueued) {
            RunEvent.RunQueued e = (RunEvent.RunQueued) event;
            return "queued behind " + e.ahead() + " experiment(s) under the active-experiment quota of " + e.account();
        }
        if (event instanceof RunEvent.RunStarted) {
            RunEvent.RunStarted e = (RunEvent.RunStarted) event;
            return (e.attached() ? "attached to experiment " : "experiment ") + e.experimentId()
                    + (e.attached() ? "" : " started") + (e.templateId().isEmpty() ? "" : " (template " + e.templateId() + ")");
        }
        if (event instanceof RunEvent.StateChanged) {
            RunEvent.StateChanged e = (RunEvent.StateChanged) event;
            return "experiment " + e.from() + " → " + e.to() + reason(e.reason());
        }
        if (event instanceof RunEvent.ActionStateChanged) {
            RunEvent.ActionStateChanged e = (RunEvent.ActionStateChanged) event;
            return "action " + e.actionName() + " " + e.from() + " → " + e.to() + reason(e.reason());
        }
        if (event instanceof RunEvent.StopRequested) {
            RunEvent.StopRequested e = (RunEvent.StopRequested) event;
            return "stop requested by " + e.source().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.reason();
        }
        if (event instanceof RunEvent.HypothesisChecked) {
            RunEvent.HypothesisChecked e = (RunEvent.HypothesisChecked) event;
            StringBuilder s = new StringBuilder("steady state ").append(e.phase().wireName()).append(": ");
            for (int i = 0; i < e.evidence().size(); i++) {
                Evidence ev = e.evidence().get(i);
                s.append(i == 0 ? "" : "; ").append(ev);
            }
            return s.toString();
        }
        if (event instanceof RunEvent.RunCompleted) {
            RunEvent.RunCompleted e = (RunEvent.RunCompleted) event;
            return "run over: " + e.outcome().state() + e.outcome().reason().map(EventPrinter::reason).orElse("");
        }
        if (event instanceof RunEvent.RunFailed) {
            RunEvent.RunFailed e = (RunEvent.RunFailed) event;
            return "lost track of the run: " + e.error().getMessage();
        }
        return null;
    }

    private static String reason(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }
}
