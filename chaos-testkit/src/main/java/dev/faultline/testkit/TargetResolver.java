package dev.faultline.testkit;

import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Resolves an experiment's targets against the inventory as FIS does (fis-api.md §4): ARNs
 * must exist; tags are ANDed; filters are ANDed, values in one filter ORed, several values at a
 * path match if any does; resource-type parameters narrow the set; the selection mode picks
 * a seeded random subset (PERCENT rounds down).
 */
final class TargetResolver {

    /** The outcome: resources per target name, or the first target that failed. */
    public static final class Resolution {
        private final Map<String, List<SimResource>> targets;
        private final String failedTarget;
        private final String failure;

        private Resolution(Map<String, List<SimResource>> targets, String failedTarget, String failure) {
            this.targets = targets;
            this.failedTarget = failedTarget;
            this.failure = failure;
        }

        /**
         * The resources chosen per target name (an empty list for a skipped empty target).
         *
         * @return target names to resources
         */
        public Map<String, List<SimResource>> targets() {
            return targets;
        }

        /**
         * The name of the target that failed, if resolution failed.
         *
         * @return the target name
         */
        public Optional<String> failedTarget() {
            return Optional.ofNullable(failedTarget);
        }

        /**
         * Why resolution failed.
         *
         * @return the reason, if it failed
         */
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }
    }

    private TargetResolver() {}

    /**
     * Resolves every target of an experiment.
     *
     * @param experiment the template
     * @param inventory the simulated resources
     * @param random the seeded random source for selection
     * @return the resolution
     */
    public static Resolution resolve(Experiment experiment, Inventory inventory, SplittableRandom random) {
        boolean skipEmpty = experiment.experimentOptions().flatMap(ExperimentOptions::emptyTargetResolutionMode)
                .map(m -> m == EmptyTargetResolutionMode.SKIP).orElse(false);
        Map<String, List<SimResource>> out = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateTarget> e : experiment.targets().entrySet()) {
            String name = e.getKey();
            TemplateTarget t = e.getValue();
            String type = t.resourceType().orElse("");
            List<SimResource> candidates = new ArrayList<>();
            if (!t.resourceArns().isEmpty()) {
                for (String arn : t.resourceArns()) {
                    Optional<SimResource> r = inventory.resourceWithArn(type, arn);
                    if (r.isEmpty()) {
                        return new Resolution(out, name, "Target resolution failed for target \"" + name
                                + "\": resource " + arn + " of type " + type + " was not found.");
                    }
                    candidates.add(r.get());
                }
            } else {
                for (SimResource r : inventory.resources(type)) {
                    if (matchesTags(r, t.resourceTags()) && matchesFilters(r, t.filters())
                            && matchesParameters(r, t.parameters())) {
                        candidates.add(r);
                    }
                }
            }
            SelectionMode mode = t.selectionMode().orElse(SelectionMode.all());
            int chosen = (int) mode.chosenOf(candidates.size());
            if (chosen == 0) {
                if (skipEmpty && t.resourceArns().isEmpty()) {
                    out.put(name, List.of());
                    continue;
                }
                return new Resolution(out, name, "Target resolution returned an empty set of resources for target \""
                        + name + "\" (" + candidates.size() + " matched, selection mode " + mode.text() + ").");
            }
            List<SimResource> shuffled = new ArrayList<>(candidates);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            out.put(name, List.copyOf(shuffled.subList(0, chosen)));
        }
        return new Resolution(out, null, null);
    }

    static boolean matchesTags(SimResource r, Map<String, String> tags) {
        Map<String, String> have = r.tags();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!e.getValue().equals(have.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static boolean matchesFilters(SimResource r, List<Filter> filters) {
        for (Filter f : filters) {
            List<String> found = r.valuesAt(f.path().orElse(""));
            boolean any = false;
            for (String v : found) {
                if (f.values().contains(v)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    static boolean matchesParameters(SimResource r, Map<String, String> parameters) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!matchesParameter(r, p.getKey(), p.getValue())) {
                return false;
            }
        }
        return matchesPodSelector(r, parameters);
    }

    private static boolean matchesParameter(SimResource r, String name, String value) {
        switch (name) {
            case "availabilityZoneIdentifier":
                return zoneMatches(r, List.of(value));
            case "availabilityZoneIdentifiers":
            case "writerAvailabilityZoneIdentifiers":
                return "all".equalsIgnoreCase(value) || zoneMatches(r, splitList(value));
            case "vpc":
                return value.equals(r.text("VpcId").orElse(null));
            case "cluster":
                return r.text("ClusterArn").map(a -> a.equals(value) || a.endsWith("/" + value)).orElse(false);
            case "service":
                return ("service:" + value).equals(r.text("Group").orElse(""))
                        || value.endsWith("/" + r.text("Group").orElse("").replace("service:", ""));
            case "clusterIdentifier":
                return value.equals(r.text("ClusterName").orElse(null)) || value.endsWith("/" + r.text("ClusterName").orElse(""));
            case "namespace":
                return value.equals(r.text("Namespace").orElse(null));
            default:
                return true;
        }
    }

    /**
     * Applies the EKS pod selector (selectorType and selectorValue), which needs both parameters.
     *
     * @param r the pod
     * @param parameters the target parameters
     * @return whether the pod is selected
     */
    static boolean matchesPodSelector(SimResource r, Map<String, String> parameters) {
        String type = parameters.get("selectorType");
        String value = parameters.get("selectorValue");
        if (type == null || value == null) {
            return true;
        }
        switch (type) {
            case "podName":
                return value.equals(r.text("Name").orElse(null));
            case "deploymentName":
                return value.equals(r.text("DeploymentName").orElse(null));
            case "labelSelector":
                for (String term : splitList(value)) {
                    int eq = term.indexOf('=');
                    if (eq < 0 || !term.substring(eq + 1).trim().equals(
                            r.text("Labels." + term.substring(0, eq).trim()).orElse(null))) {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    private static boolean zoneMatches(SimResource r, List<String> zones) {
        List<String> have = new ArrayList<>();
        r.text("AvailabilityZone").ifPresent(have::add);
        r.text("AvailabilityZoneId").ifPresent(have::add);
        r.text("Placement.AvailabilityZone").ifPresent(have::add);
        have.addAll(r.valuesAt("AvailabilityZones"));
        r.text("WriterAvailabilityZone").ifPresent(have::add);
        if (have.isEmpty()) {
            return true;
        }
        for (String z : zones) {
            if (have.contains(z.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
