package dev.faultline.cli;

import dev.faultline.temporal.Connection;
import dev.faultline.temporal.FaultlineWorker;
import picocli.CommandLine.Option;

/** The options every Temporal command shares: where the cluster is, the namespace, the task queue. */
final class TemporalOptions {

    @Option(names = "--temporal", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:7233",
            description = "The Temporal frontend (default: ${DEFAULT-VALUE}, where `faultline temporal-dev` listens).")
    String target;

    @Option(names = "--namespace", paramLabel = "N", defaultValue = "default",
            description = "The Temporal namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--task-queue", paramLabel = "Q", defaultValue = FaultlineWorker.DEFAULT_TASK_QUEUE,
            description = "The workers' task queue (default: ${DEFAULT-VALUE}).")
    String taskQueue;

    /** Connects to the cluster; fails with IllegalArgumentException on a bad --temporal. */
    Connection connect() {
        return Connection.to(target, namespace);
    }
}
