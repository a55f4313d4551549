package dev.faultline.bench;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.Ec2;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The engine concurrency benchmark: N concurrent runs against one LocalFis (forked into a JVM
 * of its own, so only the watching side is measured here), watched by one {@code FisEngine}
 * with a rate cap that can follow every run each poll interval ({@code follow}), by one with a
 * tighter cap that cannot ({@code capped}), and by a thread-per-run blocking polling loop
 * ({@code blocking}). For each: threads added, heap after GC with the runs in flight, how late
 * state changes were seen, requests per second (most in any 1-second window), wall time and
 * how the runs ended. Prints a table and the verdict on each target.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.EngineConcurrencyRun            # 1,000 runs
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.EngineConcurrencyRun --quick    # 100 runs
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.EngineConcurrencyRun 500 \
 *     --action-minutes 1 --speed 2 --poll-ms 5000 --rate 300 --capped-rate 50 --phases follow,blocking
 * java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.EngineConcurrencyRun --phases follow \
 *     --journal jdbc:sqlite:/tmp/journal.db     # every run journaled; queueing delay and database time printed
 * }</pre>
 *
 * <p>With {@code --journal URL} the engine phases journal every run ({@code jdbc:sqlite:FILE},
 * {@code jdbc:postgresql://…}, {@code file:DIR}) and print, for the engine's journal writer
 * thread, the database time per write call and the state changes' queueing delay and append
 * latency (see {@code TimedJournal});
 * {@code benchmarks/journal-bench.sh} runs it with SQLite and with a throwaway local PostgreSQL.
 */
public final class EngineConcurrencyRun {

    private static final String ROLE = "arn:aws:iam::123456789012:role/FisBenchRole";
    private static final long MB = 1024 * 1024;

    private EngineConcurrencyRun() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code [runs] [--quick] [--action-minutes M] [--speed X] [--poll-ms MS] [--rate R]
     *     [--capped-rate R] [--phases follow,capped,blocking] [--journal URL]}
     */
    public static void main(String[] args) {
        Settings s = parse(args);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%d runs, action %s at x%.1f = %ss of wall time, poll %d ms (lateness target %d ms), follow cap %.0f/s, "
                + "capped cap %.0f/s, phases %s, journal %s, %d CPUs, max heap %d MB, started %s%n", s.runs(),
                s.action(), s.factor(), s.hold().toSeconds(), s.poll().toMillis(), s.latenessTarget().toMillis(), s.followRate(),
                s.cappedRate(), s.phases(), s.journal() == null ? "none" : s.journal().replaceAll("\\?.*", ""),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB, Instant.now());
        List<PhaseResult> results = new ArrayList<>();
        SharedClock clock = new SharedClock(Instant.now(), s.factor());
        try (ForkedLocalFis fis = new ForkedLocalFis(20, clock, s.runs() / 4 + 1)) {
            out.println("LocalFis in pid " + fis.pid() + " at " + fis.endpoint() + ", " + clock);
            Experiment experiment = benchExperiment(fis.alarmArn(), s.action());
            for (String phase : s.phases()) {
                out.println("phase " + phase + " ...");
                long cpu0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long server0 = fis.cpuNanos();
                PhaseResult r;
                switch (phase) {
                    case "follow":
                        r = EnginePhase.run("engine follow", s, s.followRate(), fis.endpoint(), experiment, clock, out);
                        break;
                    case "capped":
                        r = EnginePhase.run("engine capped", s, s.cappedRate(), fis.endpoint(), experiment, clock, out);
                        break;
                    default:
                        r = BlockingPhase.run(s, fis.endpoint(), experiment, clock);
                        break;
                }
                long cpu1 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long server1 = fis.cpuNanos();
                r = r.withCpu((cpu1 - cpu0) / 1e9, server0 < 0 || server1 < 0 ? -1 : (server1 - server0) / 1e9);
                results.add(r);
                out.printf(Locale.ROOT, "  %s: %d/%d completed in %.1f s%s%n", r.name(), r.completed(), r.runs(),
                        r.wallSeconds(), r.firstFailure().isEmpty() ? "" : "; first failure: " + r.firstFailure());
            }
        }
        print(out, s, results);
    }

    /** The experiment every run starts: one tagged, running instance stopped, restarted after the action's duration. */
    static Experiment benchExperiment(String alarmArn, Duration action) {
        Experiment e = experiment("bench-node-loss").role(ROLE)
                .description("Stop one worker instance for " + action)
                .stopWhen(alarm(alarmArn))
                .tag("Team", "bench")
                .action("Stop-Instance", Ec2.stopInstances(ec2Instances().tagged("Role", "Worker").running().count(1))
                        .restartAfter(action))
                .build();
        ValidationResult v = Validator.standard().validate(e);
        if (v.hasErrors()) {
            throw new IllegalStateException("The benchmark's experiment is not valid: " + v.errors());
        }
        return e;
    }

    private static Settings parse(String[] args) {
        int runs = 1000;
        boolean quick = false;
        Long actionMinutes = null;
        Double factor = null;
        Long pollMs = null;
        Double rate = null;
        Double capped = null;
        Set<String> phases = new LinkedHashSet<>(List.of("follow", "capped", "blocking"));
        String journal = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick":
                    quick = true;
                    break;
                case "--action-minutes":
                    actionMinutes = Long.parseLong(value(args, ++i, a));
                    break;
                case "--speed":
                    factor = Double.parseDouble(value(args, ++i, a));
                    break;
                case "--poll-ms":
                    pollMs = Long.parseLong(value(args, ++i, a));
                    break;
                case "--rate":
                    rate = Double.parseDouble(value(args, ++i, a));
                    break;
                case "--capped-rate":
                    capped = Double.parseDouble(value(args, ++i, a));
                    break;
                case "--journal":
                    journal = value(args, ++i, a);
                    break;
                case "--phases":
                    phases = new LinkedHashSet<>(List.of(value(args, ++i, a).split(",")));
                    if (!Set.of("follow", "capped", "blocking").containsAll(phases)) {
                        throw new IllegalArgumentException("--phases takes follow, capped and blocking, was " + phases);
                    }
                    break;
                default:
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + a + "; see the class Javadoc");
                    }
                    runs = Integer.parseInt(a);
            }
        }
        if (quick && !containsNumber(args)) {
            runs = 100;
        }
        if (pollMs == null) {
            pollMs = quick ? 1000L : 10_000L;
        }
        if (runs < 1 || pollMs < 1 || (actionMinutes != null && actionMinutes < 1) || (factor != null && factor < 1)) {
            throw new IllegalArgumentException("runs, --poll-ms and --action-minutes must be positive, --speed at least 1");
        }
        Duration poll = Duration.ofMillis(pollMs);
        double perSecondToFollow = runs * 1000.0 / pollMs;
        return new Settings(runs, Duration.ofMinutes(actionMinutes != null ? actionMinutes : quick ? 1 : 2),
                factor != null ? factor : quick ? 4 : 1, poll,
                rate != null ? rate : Math.ceil(3 * perSecondToFollow),
                capped != null ? capped : Math.ceil(perSecondToFollow / 2), phases, journal);
    }

    private static boolean containsNumber(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].matches("\\d+") && (i == 0 || !args[i - 1].startsWith("--"))) {
                return true;
            }
        }
        return false;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    // ---------------------------------------------------------------- the table

    private static void print(PrintStream out, Settings s, List<PhaseResult> results) {
        Duration target = s.latenessTarget();
        out.println();
        row(out, "", results, PhaseResult::name);
        row(out, "runs completed", results, r -> r.completed() + " / " + r.runs());
        row(out, "wall time, s", results, r -> f1(r.wallSeconds()));
        row(out, "JVM threads: before -> peak", results, r -> r.threadsBaseline() + " -> " + r.threadsPeak());
        row(out, "threads added (peak)", results, r -> Integer.toString(r.threadsAdded()));
        for (String g : List.of("engine scheduler", "journal writer", "SDK / Netty", "thread per run", "other")) {
            row(out, "  " + g, results, r -> Integer.toString(r.threadsByGroup().getOrDefault(g, 0)));
        }
        row(out, "runs in flight at the heap reading", results, r -> Integer.toString(r.inFlight()));
        row(out, "heap after GC: added / total, MB", results,
                r -> f1(r.heapDelta() / (double) MB) + " / " + f1(r.heapUsed() / (double) MB));
        row(out, "resident set size added, MB", results, r -> r.rssDelta() < 0 ? "?" : f1(r.rssDelta() / (double) MB));
        for (RunState change : Lateness.CHANGES) {
            row(out, "late, -> " + change.wireName() + " p50/p99/max ms", results, r -> {
                Lateness.Stats st = r.lateness().stats(change, target);
                return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", st.p50(), st.p99(), st.max());
            });
        }
        row(out, "changes seen within " + target.toMillis() + " ms", results, r -> {
            Lateness.Stats st = r.lateness().all(target);
            return String.format(Locale.ROOT, "%.1f %% (%d of %d late)", st.withinPercent(), st.over(), st.count());
        });
        row(out, "requests (engine attempts)", results,
                r -> r.requests() + (r.engineAttempts() < 0 ? "" : " (" + r.engineAttempts() + ")"));
        row(out, "requests/s: max in 1 s / in 10 s / mean", results, r -> r.maxPerSecond() + " / "
                + f1(r.maxPer10Seconds() / 10.0) + " / " + f1(r.meanPerSecond()));
        row(out, "busiest second starts at, s", results, r -> f1(r.busiestSecondAt()));
        row(out, "configured cap, calls/s", results, r -> r.cap() > 0 ? String.format(Locale.ROOT, "%.0f", r.cap()) : "none");
        row(out, "failed calls", results, r -> Long.toString(r.failedCalls()));
        row(out, "CPU s: this JVM / LocalFis JVM", results, r -> f1(r.cpuSeconds()) + " / " + f1(r.serverCpuSeconds()));
        row(out, "CPU ms per request: this / LocalFis", results, r -> String.format(Locale.ROOT, "%.2f / %.2f",
                1000 * r.cpuSeconds() / Math.max(1, r.requests()), 1000 * r.serverCpuSeconds() / Math.max(1, r.requests())));
        out.println();
        for (PhaseResult r : results) {
            Lateness.Stats all = r.lateness().all(target);
            out.printf(Locale.ROOT, "%s: threads %s (%d <= 8), heap %s (%.1f <= 64 MB), lateness %s (max %.0f ms <= %d ms),"
                    + " rate %s, runs %s%n", r.name(),
                    verdict(r.threadsAdded() <= 8), r.threadsAdded(),
                    verdict(r.heapDelta() <= 64 * MB), r.heapDelta() / (double) MB,
                    verdict(all.count() > 0 && all.over() == 0), all.max(), target.toMillis(),
                    r.cap() > 0 ? verdict(r.maxPerSecond() <= r.cap()) + " (" + r.maxPerSecond() + " in 1 s <= "
                            + String.format(Locale.ROOT, "%.0f", r.cap()) + ")" : "no cap",
                    verdict(r.completed() == r.runs()));
        }
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void row(PrintStream out, String label, List<PhaseResult> results, Function<PhaseResult, String> cell) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-38s", label));
        for (PhaseResult r : results) {
            b.append(String.format(Locale.ROOT, " | %-22s", cell.apply(r)));
        }
        out.println(b);
    }
}
