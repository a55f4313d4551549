package dev.faultline.core.policy;

import dev.faultline.core.catalog.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preset policies, read once, on first use, from the data files
 * {@code dev/faultline/core/policy/{sandbox,staging,production}.json}.
 */
final class Presets {

    static final String SANDBOX = "sandbox";
    static final String STAGING = "staging";
    static final String PRODUCTION = "production";
    static final List<String> NAMES = List.of(SANDBOX, STAGING, PRODUCTION);

    private Presets() {}

    static SafetyPolicy get(String name) {
        SafetyPolicy preset = Holder.PRESETS.get(name.strip().toLowerCase(Locale.ROOT));
        if (preset == null) {
            List<String> near = Suggestions.nearest(name, NAMES, 1);
            throw new IllegalArgumentException("There is no preset policy '" + name + "'"
                    + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
                    + " The presets are " + String.join(", ", NAMES) + ".");
        }
        return preset;
    }

    /** Reads one preset data file. */
    static SafetyPolicy read(String name) {
        String resource = name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PolicyException("dev/faultline/core/policy/" + resource,
                        List.of("the preset data file is missing from the classpath"));
            }
            return PolicyJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "dev/faultline/core/policy/" + resource);
        } catch (IOException e) {
            throw new PolicyException("The preset data file dev/faultline/core/policy/" + resource
                    + " cannot be read: " + e, e);
        }
    }

    /** Loads the presets when first asked for one. */
    private static final class Holder {
        static final Map<String, SafetyPolicy> PRESETS = load();

        private static Map<String, SafetyPolicy> load() {
            Map<String, SafetyPolicy> presets = new LinkedHashMap<>();
            for (String name : NAMES) {
                presets.put(name, read(name));
            }
            return Map.copyOf(presets);
        }
    }
}
