package dev.faultline.testkit;

import dev.faultline.testkit.internal.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Emulated CloudWatch metric alarms and metric data: what the CloudWatch API of LocalFis
 * serves, and what stop conditions read. Thread-safe.
 *
 * <p>An alarm changes state when told to ({@link #setState}, or the SetAlarmState call), or
 * when fed metric data breaches its threshold in {@code datapointsToAlarm} of the last
 * {@code evaluationPeriods} periods (evaluated on every clock step of LocalFis).
 *
 * <pre>{@code
 * String arn = fis.alarms().create("App5xx");                  // OK, no metric
 * fis.alarms().setState("App5xx", AlarmState.ALARM, "5xx burst"); // stops experiments using it
 * fis.alarms().putMetricData(MetricId.of("App", "Errors"), clock.instant(), 12.0);
 * }</pre>
 */
public final class Alarms {

    private final String account;
    private final String region;
    private final Clock clock;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<MetricId, NavigableMap<Instant, List<Double>>> data = new LinkedHashMap<>();
    private final Map<MetricId, Double> steady = new LinkedHashMap<>();
    private final Map<String, AlarmRule> rules = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    private final Map<String, String> missingData = new LinkedHashMap<>();
    private volatile Runnable listener = () -> { };

    /**
     * An empty alarm store.
     *
     * @param account the account id in alarm ARNs
     * @param region the Region in alarm ARNs
     * @param clock the simulated clock
     */
    public Alarms(String account, String region, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The ARN an alarm of this name has.
     *
     * @param name the alarm name
     * @return {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}
     */
    public String arnOf(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name;
    }

    /**
     * Creates (or keeps) an alarm without a metric, in state {@code OK}; its state changes only
     * when set.
     *
     * @param name the alarm name
     * @return its ARN
     */
    public synchronized String create(String name) {
        alarms.computeIfAbsent(name, n -> new Alarm(n, arnOf(n), AlarmState.OK, "Created by LocalFis",
                clock.instant(), null, null, Map.of(), null, 60, 1, 1, 0, "GreaterThanThreshold"));
        return arnOf(name);
    }

    /**
     * Creates or replaces a metric alarm, as PutMetricAlarm does: the new alarm starts in
     * {@code INSUFFICIENT_DATA}, and keeps its state if it existed.
     *
     * @param name the alarm name
     * @param metric the metric watched
     * @param statistic {@code Sum}, {@code Average}, {@code Maximum}, {@code Minimum} or {@code SampleCount}
     * @param period the period, a whole number of seconds
     * @param evaluationPeriods periods evaluated
     * @param datapointsToAlarm breaching periods that make ALARM
     * @param threshold the threshold
     * @param comparisonOperator for example {@code GreaterThanThreshold}
     * @return its ARN
     */
    public synchronized String put(String name, MetricId metric, String statistic, Duration period,
            int evaluationPeriods, int datapointsToAlarm, double threshold, String comparisonOperator) {
        Alarm old = alarms.get(name);
        AlarmState state = old == null ? AlarmState.INSUFFICIENT_DATA : old.state();
        String reason = old == null ? "Unchecked: Initial alarm creation" : old.stateReason();
        Instant updated = old == null ? clock.instant() : old.stateUpdated();
        alarms.put(name, new Alarm(name, arnOf(name), state, reason, updated,
                metric == null ? null : metric.namespace(), metric == null ? null : metric.name(),
                metric == null ? Map.of() : metric.dimensions(), statistic, (int) period.getSeconds(),
                Math.max(1, evaluationPeriods), Math.max(1, datapointsToAlarm), threshold, comparisonOperator));
        return arnOf(name);
    }

    /**
     * Creates or replaces a composite alarm, as PutCompositeAlarm does: it is in {@code ALARM}
     * while its rule holds ({@code ALARM("a") OR ALARM("b")}, see CloudWatch's rule syntax),
     * {@code OK} otherwise, and starts in {@code INSUFFICIENT_DATA} until it is evaluated.
     *
     * @param name the alarm name
     * @param rule the rule over other alarms, by name or ARN
     * @return its ARN
     * @throws IllegalArgumentException when the rule cannot be read
     */
    public synchronized String putComposite(String name, String rule) {
        AlarmRule parsed;
        try {
            parsed = AlarmRule.parse(rule);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Alarm old = alarms.get(name);
        alarms.put(name, old != null ? old : new Alarm(name, arnOf(name), AlarmState.INSUFFICIENT_DATA,
                "Unchecked: Initial alarm creation", clock.instant(), null, null, Map.of(), null, 60, 1, 1, 0,
                "GreaterThanThreshold"));
        rules.put(name, parsed);
        return arnOf(name);
    }

    /**
     * The rule of a composite alarm.
     *
     * @param name the alarm name
     * @return the rule as put, empty for a metric alarm or no alarm
     */
    public synchronized Optional<String> rule(String name) {
        return Optional.ofNullable(rules.get(name)).map(AlarmRule::toString);
    }

    /**
     * Tags an alarm, as the Tags of its first PutMetricAlarm or PutCompositeAlarm do (later
     * puts leave the tags alone, as in CloudWatch).
     *
     * @param name the alarm name
     * @param values the tags to add
     */
    public synchronized void tag(String name, Map<String, String> values) {
        if (alarms.containsKey(name)) {
            tags.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(values);
        }
    }

    /**
     * An alarm's tags.
     *
     * @param name the alarm name
     * @return a copy, empty when it has none
     */
    public synchronized Map<String, String> tags(String name) {
        return Map.copyOf(tags.getOrDefault(name, Map.of()));
    }

    /**
     * Sets how a metric alarm treats periods without data: {@code missing} (the default) and
     * {@code ignore} keep its state, {@code notBreaching} counts them as good, {@code breaching}
     * as breaching.
     *
     * @param name the alarm name
     * @param treatment one of {@link dev.faultline.core.model.MetricAlarm#TREAT_MISSING_DATA}
     */
    public synchronized void treatMissingData(String name, String treatment) {
        missingData.put(name, Objects.requireNonNull(treatment, "treatment"));
    }

    /**
     * Sets an alarm's state, as SetAlarmState does.
     *
     * @param name the alarm name
     * @param state the new state
     * @param reason why
     * @throws IllegalArgumentException if there is no such alarm
     */
    public void setState(String name, AlarmState state, String reason) {
        synchronized (this) {
            Alarm a = alarms.get(name);
            if (a == null) {
                throw new IllegalArgumentException("No alarm named " + name);
            }
            alarms.put(name, a.withState(state, reason, clock.instant()));
        }
        listener.run();
    }

    /** Sets the code run (outside the lock) after a state change or new metric data. */
    void onChange(Runnable value) {
        this.listener = Objects.requireNonNull(value, "listener");
    }

    /**
     * The alarm with a name or ARN (an ARN in another account or Region finds the alarm of the
     * same name).
     *
     * @param nameOrArn the name or ARN
     * @return the alarm, if it exists
     */
    public synchronized Optional<Alarm> alarm(String nameOrArn) {
        Alarm a = alarms.get(nameOrArn);
        if (a == null) {
            a = alarms.values().stream().filter(x -> x.arn().equals(nameOrArn)).findFirst().orElse(null);
        }
        int at = nameOrArn.indexOf(":alarm:");
        if (a == null && nameOrArn.startsWith("arn:") && at > 0) {
            // an alarm ARN in another account or Region still names the alarm of that name
            a = alarms.get(nameOrArn.substring(at + ":alarm:".length()));
        }
        return Optional.ofNullable(a);
    }

    /**
     * Every alarm, in the order created.
     *
     * @return a copy
     */
    public synchronized List<Alarm> alarms() {
        return List.copyOf(alarms.values());
    }

    /**
     * Deletes an alarm.
     *
     * @param name the alarm name
     * @return whether it existed
     */
    public synchronized boolean delete(String name) {
        rules.remove(name);
        tags.remove(name);
        missingData.remove(name);
        return alarms.remove(name) != null;
    }

    /**
     * Records one data point of a metric.
     *
     * @param metric the metric
     * @param time when
     * @param value the value
     */
    public void putMetricData(MetricId metric, Instant time, double value) {
        synchronized (this) {
            record(metric, time, value);
        }
        listener.run();
    }

    private void record(MetricId metric, Instant time, double value) {
        data.computeIfAbsent(Objects.requireNonNull(metric, "metric"), m -> new TreeMap<>())
                .computeIfAbsent(Objects.requireNonNull(time, "time"), t -> new ArrayList<>()).add(value);
    }

    /**
     * Records a series: one value per step, the first at {@code start}.
     *
     * @param metric the metric
     * @param start the time of the first value
     * @param step the time between values
     * @param values the values
     */
    public void putMetricSeries(MetricId metric, Instant start, Duration step, double... values) {
        synchronized (this) {
            for (int i = 0; i < values.length; i++) {
                record(metric, start.plus(step.multipliedBy(i)), values[i]);
            }
        }
        listener.run();
    }

    /**
     * Makes a metric steady: one data point of this value at every whole minute, past and future,
     * besides the data put otherwise. A hypothesis on it then reads the same at any time.
     *
     * <pre>{@code
     * alarms.steadyMetric(MetricId.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"), 1.0); // one 5xx a minute
     * }</pre>
     *
     * @param metric the metric
     * @param perMinute the value of each point
     */
    public void steadyMetric(MetricId metric, double perMinute) {
        synchronized (this) {
            steady.put(Objects.requireNonNull(metric, "metric"), perMinute);
        }
        listener.run();
    }

    /**
     * The statistic of a metric over one period {@code [from, from + period)}.
     *
     * @param metric the metric
     * @param statistic Sum, Average, Maximum, Minimum or SampleCount
     * @param from the start, inclusive
     * @param period the length
     * @return the value, or empty when there is no data in the period
     */
    public synchronized Optional<Double> statistic(MetricId metric, String statistic, Instant from, Duration period) {
        NavigableMap<Instant, List<Double>> series = data.get(metric);
        Double each = steady.get(metric);
        if (series == null && each == null) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>();
        if (series != null) {
            series.subMap(from, true, from.plus(period), false).values().forEach(values::addAll);
        }
        if (each != null) {
            Instant end = from.plus(period);
            long minute = Math.floorDiv(from.getEpochSecond() + 59, 60) * 60;
            for (Instant t = Instant.ofEpochSecond(minute); t.isBefore(end); t = t.plusSeconds(60)) {
                if (!t.isBefore(from)) {
                    values.add(each);
                }
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String stat = statistic == null ? "Average" : statistic;
        if (stat.matches("p\\d{1,2}(\\.\\d{1,2})?")) {
            values.sort(null);
            double rank = Double.parseDouble(stat.substring(1)) / 100 * values.size();
            return Optional.of(values.get(Math.max(0, Math.min(values.size() - 1, (int) Math.ceil(rank) - 1))));
        }
        switch (stat) {
            case "Sum":
                return Optional.of(values.stream().mapToDouble(Double::doubleValue).sum());
            case "Maximum":
                return Optional.of(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            case "Minimum":
                return Optional.of(values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            case "SampleCount":
                return Optional.of((double) values.size());
            default:
                return Optional.of(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        }
    }

    /**
     * Evaluates every metric alarm that has data against the last periods up to now, and moves
     * it to {@code ALARM} or {@code OK} when the evaluation says so.
     *
     * @param now the simulated time
     */
    public synchronized void evaluate(Instant now) {
        for (Alarm a : List.copyOf(alarms.values())) {
            if (!a.hasMetric()) {
                continue;
            }
            String missing = missingData.getOrDefault(a.name(), "missing");
            boolean hasData = data.containsKey(a.metric().get()) || steady.containsKey(a.metric().get());
            if (!hasData && (missing.equals("missing") || missing.equals("ignore"))) {
                continue;
            }
            Duration period = Duration.ofSeconds(Math.max(1, a.periodSeconds()));
            long p = period.getSeconds();
            Instant end = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), p) * p);
            int breaching = 0;
            int withData = 0;
            for (int i = 1; i <= a.evaluationPeriods(); i++) {
                Optional<Double> v = hasData ? statistic(a.metric().get(), a.statistic(),
                        end.minus(period.multipliedBy(i)), period) : Optional.empty();
                if (v.isPresent() || missing.equals("breaching") || missing.equals("notBreaching")) {
                    withData++;
                    if (v.isPresent() ? a.breaches(v.get()) : missing.equals("breaching")) {
                        breaching++;
                    }
                }
            }
            AlarmState next = breaching >= a.datapointsToAlarm() ? AlarmState.ALARM
                    : withData > 0 ? AlarmState.OK : a.state();
            if (next != a.state()) {
                alarms.put(a.name(), a.withState(next, "Threshold Crossed: " + breaching + " of the last "
                        + a.evaluationPeriods() + " datapoints breached the threshold (" + a.threshold() + ").", now));
            }
        }
        rules.forEach((name, rule) -> {
            Alarm a = alarms.get(name);
            AlarmState next = rule.test(child -> alarm(child).map(Alarm::state)) ? AlarmState.ALARM : AlarmState.OK;
            if (a != null && next != a.state()) {
                alarms.put(name, a.withState(next, "Rule " + (next == AlarmState.ALARM ? "holds" : "does not hold")
                        + ": " + rule, now));
            }
        });
    }
}
