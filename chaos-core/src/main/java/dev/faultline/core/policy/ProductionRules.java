package dev.faultline.core.policy;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.ValidationContext;
import dev.faultline.core.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The production policy nested in a policy: checked against the whole experiment when a target
 * is production, with messages that name the production targets, each of its violations
 * replacing the outer policy's at the same code and path.
 */
final class ProductionRules {

    private ProductionRules() {}

    /**
     * Checks the production policy when a target is production, merging its violations into the
     * outer policy's, which are {@code out} from index {@code start} on.
     */
    static void check(SafetyPolicy p, Experiment e, ValidationContext context, List<Violation> out, int start) {
        SafetyPolicy strict = p.limits().productionPolicy();
        if (strict == null || !touchesProduction(p, e)) {
            return; // the common case, found without the map of production targets
        }
        Map<String, String> targets = targets(p, e);
        List<Violation> nested = new ArrayList<>();
        PolicyRules.check(strict, e, context, lead(p, strict, targets), nested);
        merge(out.subList(start, out.size()), nested);
    }

    /** {@link SafetyPolicy#productionTargets}: the targets a marker matches, with the tag that matched, in template order. */
    static Map<String, String> targets(SafetyPolicy p, Experiment e) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateTarget> target : e.targets().entrySet()) {
            for (TagPattern marker : p.productionMarkers()) {
                Optional<String> tag = marker.matchIgnoringCase(target.getValue().resourceTags());
                if (tag.isPresent()) {
                    found.put(target.getKey(), tag.get());
                    break;
                }
            }
        }
        return found;
    }

    /** Tells whether {@link #targets} would find a target, without building its map. */
    private static boolean touchesProduction(SafetyPolicy p, Experiment e) {
        List<TagPattern> markers = p.productionMarkers();
        if (markers.isEmpty()) {
            return false;
        }
        for (TemplateTarget t : e.targets().values()) {
            for (int i = 0; i < markers.size(); i++) {
                if (markers.get(i).matchIgnoringCase(t.resourceTags()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Production target 'workers' (Environment=prod): the production policy". */
    private static String lead(SafetyPolicy outer, SafetyPolicy strict, Map<String, String> production) {
        List<String> names = new ArrayList<>();
        production.forEach((target, tag) -> names.add("'" + target + "' (" + tag + ")"));
        String which = (names.size() == 1 ? "Production target " : "Production targets ") + String.join(", ", names);
        String policy = strict.name().map(n -> "the " + n + " policy")
                .orElse("t" + outer.lead().substring(1) + " for production");
        return which + ": " + policy;
    }

    /** Adds the production policy's violations, each replacing the outer one at the same code and path. */
    private static void merge(List<Violation> found, List<Violation> nested) {
        Set<Integer> replaced = new HashSet<>();
        for (Violation v : nested) {
            int at = -1;
            for (int i = 0; i < found.size() && at < 0; i++) {
                Violation outer = found.get(i);
                if (!replaced.contains(i) && outer.code().equals(v.code()) && outer.path().equals(v.path())) {
                    at = i;
                }
            }
            if (at >= 0) {
                found.set(at, v);
                replaced.add(at);
            } else {
                found.add(v);
            }
        }
    }
}
