package dev.faultline.testkit;

import dev.faultline.core.catalog.ArnFormat;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import java.util.Optional;

/** ARNs of simulated resources, from the catalog's ARN formats. */
final class Arns {

    private Arns() {}

    static String of(String type, String id, String account, String region) {
        Optional<ResourceTypeDefinition> def = Catalog.defaultCatalog().resourceType(type);
        if (def.isPresent() && !def.get().arnFormats().isEmpty()) {
            ArnFormat f = def.get().arnFormats().get(0);
            return "arn:aws:" + f.service() + ":" + (f.regional() ? region : "") + ":"
                    + (f.accountScoped() ? account : "") + ":" + f.resourcePrefix() + id;
        }
        String[] parts = type.split(":");
        String service = parts.length > 1 ? parts[1] : "unknown";
        String kind = parts.length > 2 ? parts[2] : "resource";
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + kind + "/" + id;
    }
}
