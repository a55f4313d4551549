package dev.faultline.temporal;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.aws.engine.FisEngineBuilder;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.validation.Validator;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a worker's activities are built from.
 *
 * @param clients the FIS and CloudWatch clients per target
 * @param config the engine configuration (its shutdown hook is always off: a worker that dies
 *     must leave the experiment running for the next worker to watch)
 * @param validator the validator, with the worker's safety policy
 * @param metrics where steady-state metrics are read, or null for CloudWatch
 * @param clock the engines' clock
 * @param scheduler the scheduler every engine of the worker shares
 * @param client the workflow client the watch sends progress through, or null to send none
 * @param recorder the run journal seam
 * @param reports where reports are written, or null to write none
 * @param heartbeat how often the watch heartbeats
 */
record Wiring(TargetClients clients, EngineConfig config, Validator validator, MetricSource metrics,
        Clock clock, ScheduledExecutorService scheduler, WorkflowClient client, RunRecorder recorder, Path reports,
        Duration heartbeat) {

    /**
     * Checks the required parts and turns the engine's shutdown hook off.
     *
     * @param clients the clients
     * @param config the configuration
     * @param validator the validator
     * @param metrics the metric source
     * @param clock the clock
     * @param scheduler the scheduler
     * @param client the workflow client
     * @param recorder the recorder
     * @param reports the report directory
     * @param heartbeat the heartbeat interval
     */
    public Wiring {
        Objects.requireNonNull(clients, "clients");
        config = EngineConfig.builder().from(Objects.requireNonNull(config, "config")).stopOnShutdown(false).build();
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        recorder = recorder == null ? RunRecorder.none() : recorder;
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /**
     * A new engine for one activity call on a target, sharing the worker's scheduler; close it
     * when the call ends (that stops watching, never the experiment).
     *
     * @param target the target
     * @return the engine
     */
    FisEngine engine(RunTarget target) {
        TargetClients.Clients c = clients.clients(target);
        FisEngineBuilder b = FisEngine.builder().fis(c.fis()).cloudWatch(c.cloudWatch()).validator(validator)
                .config(config).clock(clock).scheduler(scheduler);
        if (metrics != null) {
            b.metrics(metrics);
        }
        return b.build();
    }
}
