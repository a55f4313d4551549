package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses to write a map that CloudFormation would read as an intrinsic function: an object
 * whose only key is {@code Ref} or {@code Fn::…} (a target, tag or parameter named so, alone in
 * its map). CloudFormation has no way to quote such a key, so the document would mean
 * something else; the writer says so instead of writing it.
 */
final class IntrinsicLookalikes {

    private IntrinsicLookalikes() {}

    /**
     * Checks a tree about to be written.
     *
     * @param node the tree
     * @param path its JSON Pointer in the document
     * @throws UnwritableException at the first map that reads as an intrinsic function
     */
    static void refuse(JsonNode node, String path) {
        String function = Intrinsics.function(node);
        if (function != null) {
            throw new UnwritableException("The map at " + path + " has the single key '" + function
                    + "', which CloudFormation reads as its intrinsic function " + function
                    + ": rename that key, or add another entry to the map.");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                refuse(f.getValue(), path + "/" + f.getKey().replace("~", "~0").replace("/", "~1"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuse(node.get(i), path + "/" + i);
            }
        }
    }
}
