package dev.faultline.testkit;

import dev.faultline.core.model.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The mutable state of one action in one experiment run; guarded by the engine's lock. */
final class ActionRun {

    final String name;
    final Action action;
    final String actionId;
    final Duration duration;
    String status = "pending";
    String reason = "";
    Instant startTime;
    Instant endTime;
    Instant dueEnd;
    final List<String> resources = new ArrayList<>();

    ActionRun(String name, Action action, Duration duration) {
        this.name = name;
        this.action = action;
        this.actionId = action.actionId().orElse("");
        this.duration = duration;
    }

    boolean done() {
        return "completed".equals(status) || "skipped".equals(status) || "cancelled".equals(status)
                || "stopped".equals(status) || "failed".equals(status);
    }

    boolean succeeded() {
        return "completed".equals(status) || "skipped".equals(status);
    }
}
