package dev.faultline.cli;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints a run's events as they come, one line each, prefixed with the time since the run
 * started on the engine's clock: {@code +02:05  action stop-workers running → completed}.
 */
final class EventPrinter implements RunListener {

    private final PrintWriter out;
    private final Clock clock;
    private volatile Instant origin;

    EventPrinter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (origin == null) {
            origin = event.time();
        }
        String line = describe(event);
        if (line != null) {
            synchronized (out) {
                out.println("  " + offset(event.time()) + "  " + line);
                out.flush();
            }
        }
    }

    /** The time since the first event, for a closing line. */
    String now() {
        return offset(clock.instant());
    }

    private String offset(Instant time) {
        Duration d = origin == null ? Duration.ZERO : Duration.between(origin, time);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return String.format("+%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    static String describe(RunEvent event) {
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
