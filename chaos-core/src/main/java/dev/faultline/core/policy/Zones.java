package dev.faultline.core.policy;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a target is confined to one Availability Zone, which makes {@code ALL} on a
 * tag-selected target a zonal experiment rather than a fleet-wide one. A target is confined when
 * <ul>
 *   <li>a filter on {@code AvailabilityZone} or {@code AvailabilityZoneId} (the last element of
 *       its path, as in {@code Placement.AvailabilityZone}) has exactly one value; or</li>
 *   <li>a resource-type parameter {@code availabilityZoneIdentifier},
 *       {@code availabilityZoneIdentifiers} or {@code writerAvailabilityZoneIdentifiers} names
 *       one zone (no comma, not {@code all}); or</li>
 *   <li>every action that uses the target has an action parameter
 *       {@code availabilityZoneIdentifier} or {@code availabilityZoneIdentifiers} that names one
 *       zone (the insufficient-capacity and zonal-autoshift actions act only in that zone).</li>
 * </ul>
 * A placeholder such as {@code <az>} counts as one zone; the placeholder rule reports it.
 */
final class Zones {

    private static final List<String> FILTER_PATHS = List.of("availabilityzone", "availabilityzoneid");
    private static final List<String> TARGET_PARAMETERS = List.of("availabilityZoneIdentifier",
            "availabilityZoneIdentifiers", "writerAvailabilityZoneIdentifiers");
    private static final List<String> ACTION_PARAMETERS = List.of("availabilityZoneIdentifier",
            "availabilityZoneIdentifiers");

    private Zones() {}

    static boolean confinedToOneZone(String name, TemplateTarget t, Experiment e) {
        for (Filter f : t.filters()) {
            if (f.path().isPresent() && FILTER_PATHS.contains(lastElement(f.path().get())) && f.values().size() == 1
                    && oneZone(f.values().get(0))) {
                return true;
            }
        }
        if (names(t.parameters(), TARGET_PARAMETERS)) {
            return true;
        }
        boolean used = false;
        for (Action a : e.actions().values()) {
            if (a.targets().containsValue(name)) {
                used = true;
                if (!names(a.parameters(), ACTION_PARAMETERS)) {
                    return false;
                }
            }
        }
        return used;
    }

    private static boolean names(Map<String, String> parameters, List<String> keys) {
        for (String key : keys) {
            String value = parameters.get(key);
            if (value != null && oneZone(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneZone(String value) {
        String v = value.strip();
        return !v.isEmpty() && v.indexOf(',') < 0 && !v.equalsIgnoreCase("all");
    }

    private static String lastElement(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
