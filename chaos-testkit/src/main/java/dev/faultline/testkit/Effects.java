package dev.faultline.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What actions do to the simulated inventory: the common families change resources, every
 * other action runs for its duration without effect.
 */
final class Effects {

    private Effects() {}

    /** Applies the effect an action has when it starts. */
    static void onStart(String experimentId, ActionRun a, Inventory inventory, Instant t) {
        inventory.atomically(inv -> {
            for (String arn : a.resources) {
                Optional<SimResource> found = inv.resource(arn);
                if (found.isEmpty()) {
                    continue;
                }
                SimResource r = found.get();
                switch (a.actionId) {
                    case "aws:ec2:stop-instances":
                        set(inv, experimentId, a, r, "State.Name", "stopped", t);
                        break;
                    case "aws:ec2:terminate-instances":
                        set(inv, experimentId, a, r, "State.Name", "terminated", t);
                        break;
                    case "aws:ec2:reboot-instances":
                    case "aws:rds:reboot-db-instances":
                        inv.record(new InventoryEvent(t, experimentId, a.name, arn, "rebooted"));
                        break;
                    case "aws:rds:failover-db-cluster":
                        failover(inv, experimentId, a, r, t);
                        break;
                    case "aws:ecs:stop-task":
                        set(inv, experimentId, a, r, "LastStatus", "STOPPED", t);
                        break;
                    case "aws:eks:pod-delete":
                        inv.remove(arn);
                        inv.record(new InventoryEvent(t, experimentId, a.name, arn, "deleted"));
                        break;
                    case "aws:network:disrupt-connectivity":
                        set(inv, experimentId, a, r, "Disrupted",
                                a.action.parameters().getOrDefault("scope", "all"), t);
                        break;
                    default:
                        break;
                }
            }
        });
    }

    /**
     * Applies the effect an action has when it ends, at its duration or when the experiment
     * stops (post-actions such as restarting stopped instances run either way).
     */
    static void onEnd(String experimentId, ActionRun a, Inventory inventory, Instant t) {
        inventory.atomically(inv -> {
            for (String arn : a.resources) {
                Optional<SimResource> found = inv.resource(arn);
                if (found.isEmpty()) {
                    continue;
                }
                SimResource r = found.get();
                switch (a.actionId) {
                    case "aws:ec2:stop-instances":
                        if (a.action.parameters().containsKey("startInstancesAfterDuration")
                                && "stopped".equals(r.text("State.Name").orElse(""))) {
                            set(inv, experimentId, a, r, "State.Name", "running", t);
                        }
                        break;
                    case "aws:network:disrupt-connectivity":
                        set(inv, experimentId, a, r, "Disrupted", null, t);
                        break;
                    default:
                        break;
                }
            }
        });
    }

    private static void set(Inventory inv, String experimentId, ActionRun a, SimResource r, String path, Object value,
            Instant t) {
        Object before = r.attribute(path).orElse(null);
        r.setAttribute(path, value);
        inv.record(new InventoryEvent(t, experimentId, a.name, r.arn(),
                path + ": " + (before == null ? "-" : before) + " -> " + (value == null ? "-" : value)));
    }

    @SuppressWarnings("unchecked")
    private static void failover(Inventory inv, String experimentId, ActionRun a, SimResource cluster, Instant t) {
        Object members = cluster.attribute("DBClusterMembers").orElse(null);
        if (!(members instanceof List) || ((List<?>) members).size() < 2) {
            inv.record(new InventoryEvent(t, experimentId, a.name, cluster.arn(), "failover without a reader: no change"));
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object m : (List<Object>) members) {
            list.add(new LinkedHashMap<>((Map<String, Object>) m));
        }
        int writer = 0;
        for (int i = 0; i < list.size(); i++) {
            if (Boolean.TRUE.equals(list.get(i).get("IsClusterWriter"))) {
                writer = i;
            }
        }
        String target = a.action.parameters().get("instance");
        int next = (writer + 1) % list.size();
        for (int i = 0; i < list.size(); i++) {
            if (i != writer && target != null && target.equals(list.get(i).get("DBInstanceIdentifier"))) {
                next = i;
            }
        }
        list.get(writer).put("IsClusterWriter", false);
        list.get(next).put("IsClusterWriter", true);
        cluster.setAttribute("DBClusterMembers", list);
        inv.record(new InventoryEvent(t, experimentId, a.name, cluster.arn(), "writer: "
                + list.get(writer).get("DBInstanceIdentifier") + " -> " + list.get(next).get("DBInstanceIdentifier")));
    }
}
