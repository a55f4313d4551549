package dev.faultline.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * A plain-text gRPC connection to a Temporal frontend ({@code HOST:PORT}) and a namespace, as
 * the command line uses it. For TLS or mTLS build {@link WorkflowServiceStubs} with
 * {@code WorkflowServiceStubsOptions.newBuilder().setSslContext(...)} and hand its client to
 * {@link FaultlineWorker} and {@link FaultlineClient} directly (see docs/temporal.md).
 */
public final class Connection implements AutoCloseable {

    private static final Duration SYSTEM_INFO_TIMEOUT = Duration.ofSeconds(30);

    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final String namespace;

    private Connection(String target, String namespace) {
        this.namespace = namespace;
        // the first call asks the server what it supports: give a busy machine time to answer it
        this.stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target).setSystemInfoTimeout(SYSTEM_INFO_TIMEOUT).build());
        this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace).build());
    }

    /**
     * Connects (lazily: the first call reaches the server).
     *
     * @param target {@code HOST:PORT}
     * @param namespace the namespace, {@code default} when null
     * @return the connection
     * @throws IllegalArgumentException when the target is not {@code HOST:PORT}
     */
    public static Connection to(String target, String namespace) {
        Objects.requireNonNull(target, "target");
        if (!target.matches("[^:\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("--temporal must be HOST:PORT, e.g. 127.0.0.1:7233, not \""
                    + target + "\"");
        }
        return new Connection(target, namespace == null || namespace.isBlank() ? "default" : namespace);
    }

    /**
     * The workflow client.
     *
     * @return the client
     */
    public WorkflowClient client() {
        return client;
    }

    /**
     * A schedule client on the same connection and namespace.
     *
     * @return the client
     */
    public ScheduleClient schedules() {
        return ScheduleClient.newInstance(stubs, ScheduleClientOptions.newBuilder().setNamespace(namespace).build());
    }

    /**
     * The namespace.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /** Closes the connection. */
    @Override
    public void close() {
        stubs.shutdown();
        stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }
}
