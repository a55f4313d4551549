package dev.faultline.aws.engine;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * The CloudWatch alarms of an experiment's metric stop conditions, made to exist before its run:
 * each {@link MetricAlarm} gets a name derived from the experiment's name, the alarm's name and a
 * hash of its definition ({@code faultline-EXPERIMENT-ALARM-HASH}), so the same definition always
 * has the same name and a rerun finds its alarms instead of creating others; a composite alarm's
 * name hashes its children's. Alarms that do not exist are created ({@code PutMetricAlarm}, then
 * {@code PutCompositeAlarm}), tagged {@code faultline:owner}, {@code faultline:purpose=stop-condition}
 * and {@code faultline:experiment}; then the engine waits, on its clock and at most
 * {@link EngineConfig#alarmWait()}, for every alarm to leave {@code INSUFFICIENT_DATA}. The
 * experiment's stop conditions then name the alarms' ARNs.
 *
 * <p>When a put fails or the wait times out, the alarms created by this start are deleted and
 * the run is refused with a {@link RunRefusedException} that says why. Alarms are counted per
 * run of this engine: {@link Ensured#release()} after a run deletes them, with
 * {@link EngineConfig#deleteAlarmsAfterRun()}, only when no other run of this engine uses them.
 */
final class AlarmSetup {

    /** The value of the {@code faultline:purpose} tag on the alarms. */
    static final String PURPOSE = "stop-condition";

    private static final Logger LOG = LoggerFactory.getLogger(AlarmSetup.class);
    private static final int MAX_PART = 80;

    private final EngineContext context;
    private final Map<String, Integer> users = new HashMap<>();

    /**
     * Creates the set-up.
     *
     * @param context the engine's shared parts
     */
    AlarmSetup(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** One alarm to make exist: a metric alarm, or a composite one over metric alarms. */
    private record Wanted(String name, MetricAlarm metric, String rule) {}

    /** The alarms of one start, and the experiment that names them by ARN. */
    final class Ensured {
        private volatile Experiment experiment;
        private final List<Wanted> wanted;
        private final List<String> created = new ArrayList<>();
        private final AtomicBoolean released = new AtomicBoolean();

        private Ensured(Experiment experiment, List<Wanted> wanted) {
            this.experiment = experiment;
            this.wanted = wanted;
        }

        /** The experiment to run: its metric stop conditions name the alarms' ARNs. */
        Experiment experiment() {
            return experiment;
        }

        /** The names of the alarms, children first. */
        List<String> names() {
            return wanted.stream().map(Wanted::name).toList();
        }

        /**
         * The run is over (or never started): the alarms are no longer used by it; they are
         * deleted when the configuration asks for it, or when the run never started and this
         * start created them, and no other run of the engine uses them. Once only.
         *
         * @param started whether the run started
         * @return completes when done; never exceptionally
         */
        CompletableFuture<Void> release(boolean started) {
            if (!released.compareAndSet(false, true) || wanted.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            List<String> unused = unuse(names());
            List<String> composites = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            for (Wanted w : wanted) {
                boolean made;
                synchronized (created) {
                    made = created.contains(w.name());
                }
                if (unused.contains(w.name()) && (context.config.deleteAlarmsAfterRun() || (!started && made))) {
                    (w.rule() != null ? composites : metrics).add(w.name());
                }
            }
            // composite alarms first: CloudWatch keeps a metric alarm that a composite one names
            AlarmStates states = new AlarmStates(context);
            return states.delete(composites).thenCompose(ignored -> states.delete(metrics)).exceptionally(error -> {
                LOG.warn("Could not delete the stop-condition alarms {} {} (tagged faultline:purpose={}): delete them"
                        + " by hand; {}", composites, metrics, PURPOSE, PreflightRunner.describe(error));
                return null;
            });
        }
    }

    /**
     * Makes the experiment's metric alarms exist and wait for data.
     *
     * @param experiment a valid experiment
     * @return what was ensured (nothing for an experiment without metric stop conditions); completes
     *     exceptionally with a {@link RunRefusedException} when an alarm could not be made ready
     */
    CompletableFuture<Ensured> ensure(Experiment experiment) {
        List<Wanted> wanted = new ArrayList<>();
        List<StopCondition> stops = new ArrayList<>();
        for (StopCondition c : experiment.stopConditions()) {
            stops.add(c.isDefinedByMetrics() ? StopCondition.alarm(plan(experiment, c, wanted)) : c);
        }
        if (wanted.isEmpty()) {
            return CompletableFuture.completedFuture(new Ensured(experiment, List.of()));
        }
        Ensured ensured = new Ensured(experiment, List.copyOf(wanted));
        use(ensured.names());
        AlarmStates states = new AlarmStates(context);
        return states.describe(ensured.names())
                .thenCompose(found -> put(ensured, found.keySet(), 0))
                .thenCompose(ignored -> states.awaitData(ensured.names()))
                .thenApply(arns -> {
                    List<StopCondition> named = new ArrayList<>();
                    for (StopCondition c : stops) {
                        named.add(c.value().filter(arns::containsKey).map(v -> StopCondition.alarm(arns.get(v)))
                                .orElse(c));
                    }
                    ensured.experiment = Experiment.builder().from(experiment).stopConditions(named).build();
                    return ensured;
                })
                .handle((done, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(done);
                    }
                    return ensured.release(false).<Ensured>thenApply(ignored -> {
                        throw new CompletionException(refusal(AwsCalls.unwrap(error), ensured));
                    });
                })
                .thenCompose(f -> f);
    }

    /** The name a stop condition's alarm gets; its alarms are added to {@code wanted}, children first. */
    private String plan(Experiment experiment, StopCondition c, List<Wanted> wanted) {
        String prefix = "faultline-" + part(experiment.name().orElse("experiment")) + "-";
        List<String> children = new ArrayList<>();
        for (MetricAlarm a : c.metricAlarms()) {
            String name = prefix + part(a.name()) + "-" + hash(definition(a));
            children.add(name);
            if (wanted.stream().noneMatch(w -> w.name().equals(name))) {
                wanted.add(new Wanted(name, a, null));
            }
        }
        if (c.compositeAlarmName().isEmpty()) {
            return children.get(0);
        }
        String name = prefix + part(c.compositeAlarmName().get()) + "-" + hash(String.join("\n", children));
        StringBuilder rule = new StringBuilder();
        children.forEach(child -> rule.append(rule.length() == 0 ? "" : " OR ").append("ALARM(\"").append(child)
                .append("\")"));
        if (wanted.stream().noneMatch(w -> w.name().equals(name))) {
            wanted.add(new Wanted(name, null, rule.toString()));
        }
        return name;
    }

    private CompletableFuture<Void> put(Ensured ensured, java.util.Set<String> existing, int i) {
        if (i >= ensured.wanted.size()) {
            return CompletableFuture.completedFuture(null);
        }
        Wanted w = ensured.wanted.get(i);
        if (existing.contains(w.name())) {
            return put(ensured, existing, i + 1);
        }
        List<Tag> tags = tags(ensured.experiment);
        CompletableFuture<?> call;
        if (w.metric() != null) {
            PutMetricAlarmRequest request = metricRequest(w.name(), w.metric(), ensured.experiment, tags);
            call = context.calls.call("PutMetricAlarm", () -> context.cloudWatch.putMetricAlarm(request));
        } else {
            PutCompositeAlarmRequest request = PutCompositeAlarmRequest.builder().alarmName(w.name())
                    .alarmRule(w.rule()).alarmDescription(description(ensured.experiment)).tags(tags).build();
            call = context.calls.call("PutCompositeAlarm", () -> context.cloudWatch.putCompositeAlarm(request));
        }
        return call.handle((ok, error) -> {
            if (error != null) {
                throw new CompletionException(new SetupFailure("could not create the stop-condition alarm "
                        + w.name() + ": " + (w.metric() != null ? "PutMetricAlarm" : "PutCompositeAlarm")
                        + " failed (" + PreflightRunner.describe(error) + ")", AwsCalls.unwrap(error)));
            }
            synchronized (ensured.created) {
                ensured.created.add(w.name());
            }
            LOG.debug("stop-condition alarm created name={}", w.name());
            return null;
        }).thenCompose(ignored -> put(ensured, existing, i + 1));
    }

    private PutMetricAlarmRequest metricRequest(String name, MetricAlarm a, Experiment e, List<Tag> tags) {
        PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder().alarmName(name)
                .alarmDescription(description(e) + " Metric alarm " + a.name() + ".")
                .namespace(a.namespace()).metricName(a.metricName())
                .dimensions(a.dimensions().entrySet().stream()
                        .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())
                .period((int) a.period().getSeconds()).evaluationPeriods(a.evaluationPeriods())
                .comparisonOperator(a.comparison().name()).threshold(a.threshold())
                .treatMissingData(a.treatMissingData()).tags(tags);
        a.datapointsToAlarm().ifPresent(b::datapointsToAlarm);
        return (a.isPercentile() ? b.extendedStatistic(a.statistic()) : b.statistic(a.statistic())).build();
    }

    private List<Tag> tags(Experiment e) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key(Launcher.OWNER_TAG).value(context.config.owner()).build());
        tags.add(Tag.builder().key("faultline:purpose").value(PURPOSE).build());
        e.name().ifPresent(n -> tags.add(Tag.builder().key("faultline:experiment").value(n).build()));
        return tags;
    }

    private static String description(Experiment e) {
        return "Stop condition of the FIS experiment " + e.name().orElse("(unnamed)") + ", created by Faultline.";
    }

    private void use(List<String> names) {
        synchronized (users) {
            names.forEach(n -> users.merge(n, 1, Integer::sum));
        }
    }

    /** Counts a run less for each alarm; the alarms no run uses any more. */
    private List<String> unuse(List<String> names) {
        List<String> unused = new ArrayList<>();
        synchronized (users) {
            for (String n : names) {
                if (users.merge(n, -1, Integer::sum) <= 0) {
                    users.remove(n);
                    unused.add(n);
                }
            }
        }
        return unused;
    }

    private static RunRefusedException refusal(Throwable error, Ensured ensured) {
        String message = error instanceof SetupFailure || error instanceof IllegalStateException ? error.getMessage()
                : "could not make the stop-condition alarms " + ensured.names() + " ready: "
                        + PreflightRunner.describe(error);
        List<String> created;
        synchronized (ensured.created) {
            created = List.copyOf(ensured.created);
        }
        String cleaned = created.isEmpty() ? "; no alarm was created"
                : "; the alarm(s) this start created were deleted again: " + String.join(", ", created);
        return new RunRefusedException(Preflight.builder()
                .addCheck(PreflightCheck.failed(PreflightCheck.STOP_CONDITIONS, message + cleaned)).build());
    }

    /** What makes a metric alarm the same: every field CloudWatch evaluates. */
    private static String definition(MetricAlarm a) {
        return String.join("\n", a.namespace(), a.metricName(), new TreeMap<>(a.dimensions()).toString(),
                a.statistic(), a.period().toString(), String.valueOf(a.evaluationPeriods()),
                String.valueOf(a.datapointsToAlarm().orElse(a.evaluationPeriods())), a.comparison().name(),
                Double.toString(a.threshold()), a.treatMissingData());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A name part CloudWatch and composite rules take: letters, digits, '.', '_' and '-', at most 80. */
    private static String part(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9._-]", "-");
        return clean.length() > MAX_PART ? clean.substring(0, MAX_PART) : clean;
    }

    /** A put that failed, in words for the refusal. */
    private static final class SetupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
