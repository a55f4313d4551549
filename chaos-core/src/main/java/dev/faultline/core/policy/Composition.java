package dev.faultline.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@link SafetyPolicy#and(SafetyPolicy)}: the stricter of two policies, rule by rule, so that
 * the result reports at least what either one reports.
 */
final class Composition {

    private Composition() {}

    static SafetyPolicy and(SafetyPolicy a, SafetyPolicy b) {
        SafetyPolicy.Builder r = SafetyPolicy.builder();
        name(a.name(), b.name(), "+").ifPresent(r::name);
        name(a.description(), b.description(), " ").ifPresent(r::description);
        min(a.maxPercent(), b.maxPercent()).ifPresent(r::maxPercent);
        min(a.maxCount(), b.maxCount()).ifPresent(r::maxCount);
        min(a.maxDuration(), b.maxDuration()).ifPresent(r::maxDuration);
        r.forbidAllOnTagSelectedTargets(a.forbidAllOnTagSelectedTargets() || b.forbidAllOnTagSelectedTargets());
        r.requireAlarmStopCondition(a.requireAlarmStopCondition() || b.requireAlarmStopCondition());
        r.requireHypothesis(a.requireHypothesis() || b.requireHypothesis());
        r.forbidIrreversibleActions(a.forbidIrreversibleActions() || b.forbidIrreversibleActions());
        r.allowedActions(allowedActions(a, b));
        List<String> forbidden = new ArrayList<>(a.forbiddenActions());
        forbidden.addAll(b.forbiddenActions());
        r.forbiddenActions(Glob.simplify(forbidden));
        r.requiredTags(requiredTags(a, b));
        r.allowedAccounts(intersect(a, b, a.allowedAccounts(), b.allowedAccounts(), "account"));
        r.allowedRegions(intersect(a, b, a.allowedRegions(), b.allowedRegions(), "Region"));
        r.productionMarkers(markers(a.productionMarkers(), b.productionMarkers()));
        if (a.productionPolicy().isPresent() && b.productionPolicy().isPresent()) {
            r.productionPolicy(a.productionPolicy().get().and(b.productionPolicy().get()));
        } else {
            a.productionPolicy().or(b::productionPolicy).ifPresent(r::productionPolicy);
        }
        return r.build();
    }

    private static Optional<String> name(Optional<String> a, Optional<String> b, String joint) {
        if (a.isPresent() && b.isPresent() && !a.equals(b)) {
            return Optional.of(a.get() + joint + b.get());
        }
        return a.or(() -> b);
    }

    private static OptionalInt min(OptionalInt a, OptionalInt b) {
        if (a.isPresent() && b.isPresent()) {
            return OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
        }
        return a.isPresent() ? a : b;
    }

    private static Optional<Duration> min(Optional<Duration> a, Optional<Duration> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) <= 0 ? a.get() : b.get());
        }
        return a.or(() -> b);
    }

    /** The patterns that match exactly the action ids both policies allow. */
    private static List<String> allowedActions(SafetyPolicy a, SafetyPolicy b) {
        if (a.allowedActions().isEmpty() || b.allowedActions().isEmpty()) {
            return new ArrayList<>(a.allowedActions().isEmpty() ? b.allowedActions() : a.allowedActions());
        }
        List<String> both = new ArrayList<>();
        for (String x : a.allowedActions()) {
            for (String y : b.allowedActions()) {
                both.addAll(Glob.intersect(x, y));
            }
        }
        if (both.isEmpty()) {
            throw new IllegalArgumentException(contradiction(a, b) + " no action id matches both "
                    + a.allowedActions() + " and " + b.allowedActions() + ".");
        }
        return Glob.simplify(both);
    }

    private static Set<String> intersect(SafetyPolicy pa, SafetyPolicy pb, Set<String> a, Set<String> b, String what) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        if (both.isEmpty()) {
            throw new IllegalArgumentException(contradiction(pa, pb) + " no " + what + " is in both " + a + " and " + b + ".");
        }
        return both;
    }

    /** Required tags: every key of either; for a key of both, the values both accept. */
    private static List<TagPattern> requiredTags(SafetyPolicy pa, SafetyPolicy pb) {
        Map<String, TagPattern> byKey = new LinkedHashMap<>();
        pa.requiredTags().forEach(t -> byKey.put(t.key(), t));
        for (TagPattern t : pb.requiredTags()) {
            TagPattern other = byKey.get(t.key());
            if (other == null) {
                byKey.put(t.key(), t);
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String x : other.values()) {
                for (String y : t.values()) {
                    values.addAll(Glob.intersect(x, y));
                }
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException(contradiction(pa, pb) + " no value of tag '" + t.key()
                        + "' matches both " + other.values() + " and " + t.values() + ".");
            }
            byKey.put(t.key(), TagPattern.builder().key(t.key()).values(Glob.simplify(values)).build());
        }
        return new ArrayList<>(byKey.values());
    }

    /** Production markers: every marker of either; for a key of both, the values of either. */
    private static List<TagPattern> markers(List<TagPattern> a, List<TagPattern> b) {
        Map<String, TagPattern> byKey = new LinkedHashMap<>();
        a.forEach(t -> byKey.put(t.key().toLowerCase(Locale.ROOT), t));
        for (TagPattern t : b) {
            String key = t.key().toLowerCase(Locale.ROOT);
            TagPattern other = byKey.get(key);
            if (other == null) {
                byKey.put(key, t);
                continue;
            }
            List<String> values = new ArrayList<>(other.values());
            values.addAll(t.values());
            byKey.put(key, TagPattern.builder().key(other.key()).values(Glob.simplify(values)).build());
        }
        return new ArrayList<>(byKey.values());
    }

    private static String contradiction(SafetyPolicy a, SafetyPolicy b) {
        return a.lead() + " and t" + b.lead().substring(1) + " contradict each other:";
    }
}
