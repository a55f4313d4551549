package dev.faultline.core.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structural invariants of a {@link SafetyPolicy}, checked when one is built: limits in
 * range, patterns and IDs well formed, tag keys unique, and a production policy only together
 * with production markers and without markers of its own.
 */
final class PolicyInvariants {

    private PolicyInvariants() {}

    static void check(SafetyPolicy p) {
        p.maxPercent().ifPresent(n -> require(n >= 1 && n <= 100, "maxPercent must be within 1..100, was " + n));
        p.maxCount().ifPresent(n -> require(n >= 1, "maxCount must be at least 1, was " + n));
        p.maxDuration().ifPresent(d -> require(!d.isNegative() && !d.isZero(),
                "maxDuration must be positive, was " + d));
        patterns(p.allowedActions(), "allowedActions");
        patterns(p.forbiddenActions(), "forbiddenActions");
        for (String account : p.allowedAccounts()) {
            require(isAccount(account), "allowedAccounts holds '" + account + "', which is not a 12-digit account ID");
        }
        for (String region : p.allowedRegions()) {
            require(!region.isBlank() && region.strip().equals(region),
                    "allowedRegions holds '" + region + "', which is not a Region code");
        }
        uniqueKeys(p.requiredTags(), "requiredTags", false);
        uniqueKeys(p.productionMarkers(), "productionMarkers", true);
        if (p.productionPolicy().isPresent()) {
            SafetyPolicy nested = p.productionPolicy().get();
            require(nested.productionMarkers().isEmpty() && nested.productionPolicy().isEmpty(),
                    "a productionPolicy cannot have productionMarkers or a productionPolicy of its own");
            require(!p.productionMarkers().isEmpty(),
                    "a productionPolicy needs productionMarkers, the tags that make a target production");
        } else {
            require(p.productionMarkers().isEmpty(),
                    "productionMarkers need a productionPolicy, the rules for production targets");
        }
    }

    private static void patterns(Set<String> patterns, String field) {
        for (String pattern : patterns) {
            require(!pattern.isBlank(), field + " holds an empty pattern");
        }
    }

    private static void uniqueKeys(List<TagPattern> tags, String field, boolean ignoreCase) {
        Set<String> keys = new HashSet<>();
        for (TagPattern tag : tags) {
            String key = ignoreCase ? tag.key().toLowerCase(java.util.Locale.ROOT) : tag.key();
            require(keys.add(key), field + " has tag key '" + tag.key() + "' twice; list its values once");
        }
    }

    static boolean isAccount(String s) {
        return s.length() == 12 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
