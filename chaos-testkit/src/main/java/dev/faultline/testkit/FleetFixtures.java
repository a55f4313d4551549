package dev.faultline.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleets {@link Inventory}'s helpers add ({@code ec2Instances}, {@code subnets},
 * {@code rdsCluster}, {@code ecsTasks}, {@code eksPods}): realistic ids, ARNs, zones and the
 * attributes LocalFis resolves targets and filters against. Callers hold the inventory's lock.
 */
final class FleetFixtures {

    /** The zone suffixes resources are spread over. */
    static final String[] ZONES = {"a", "b", "c"};

    private FleetFixtures() {}

    /** Adds running EC2 instances spread over the zones, with the given tags. */
    static void ec2Instances(Inventory inventory, int count, Map<String, String> tags) {
        for (int i = 0; i < count; i++) {
            int n = inventory.nextSerial();
            String zone = inventory.region() + ZONES[n % ZONES.length];
            String id = String.format("i-%017x", 0x1000L + n);
            inventory.add(SimResource.builder("aws:ec2:instance", id).tags(tags)
                    .attribute("InstanceId", id)
                    .attribute("State.Name", "running")
                    .attribute("Placement.AvailabilityZone", zone)
                    .attribute("VpcId", "vpc-00000001")
                    .attribute("SubnetId", "subnet-0000000" + ZONES[n % ZONES.length])
                    .attribute("InstanceType", "m5.large"));
        }
    }

    /** Adds one subnet per zone in a VPC. */
    static void subnets(Inventory inventory, String vpcId, Map<String, String> tags) {
        for (String z : ZONES) {
            String id = "subnet-" + vpcId.replace("vpc-", "") + z;
            inventory.add(SimResource.builder("aws:ec2:subnet", id).tags(tags)
                    .attribute("SubnetId", id)
                    .attribute("VpcId", vpcId)
                    .attribute("AvailabilityZone", inventory.region() + z)
                    .attribute("AvailabilityZoneId", "use1-az" + (z.charAt(0) - 'a' + 1)));
        }
    }

    /** Adds an Aurora cluster and its DB instances; the first instance is the writer. */
    static void rdsCluster(Inventory inventory, String name, int members, Map<String, String> tags) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String db = name + "-" + (i + 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("DBInstanceIdentifier", db);
            m.put("IsClusterWriter", i == 0);
            list.add(m);
            inventory.add(SimResource.builder("aws:rds:db", db).tags(tags)
                    .attribute("DBInstanceIdentifier", db)
                    .attribute("DBClusterIdentifier", name)
                    .attribute("AvailabilityZone", inventory.region() + ZONES[i % ZONES.length])
                    .attribute("DBInstanceStatus", "available")
                    .attribute("Engine", "aurora-postgresql"));
        }
        inventory.add(SimResource.builder("aws:rds:cluster", name).tags(tags)
                .attribute("DBClusterIdentifier", name)
                .attribute("Engine", "aurora-postgresql")
                .attribute("Status", "available")
                .attribute("DBClusterMembers", list));
    }

    /** Adds running ECS tasks of one service in one cluster, and the cluster when it is new. */
    static void ecsTasks(Inventory inventory, String cluster, String service, int count, Map<String, String> tags) {
        String clusterArn = "arn:aws:ecs:" + inventory.region() + ":" + inventory.account() + ":cluster/" + cluster;
        if (inventory.resource(clusterArn).isEmpty()) {
            inventory.add(SimResource.builder("aws:ecs:cluster", cluster).arn(clusterArn)
                    .attribute("ClusterName", cluster).attribute("Status", "ACTIVE"));
        }
        for (int i = 0; i < count; i++) {
            int n = inventory.nextSerial();
            String id = String.format("%032x", 0x5000L + n);
            inventory.add(SimResource.builder("aws:ecs:task", cluster + "/" + id).tags(tags)
                    .attribute("ClusterArn", clusterArn)
                    .attribute("Group", "service:" + service)
                    .attribute("LastStatus", "RUNNING")
                    .attribute("AvailabilityZone", inventory.region() + ZONES[n % ZONES.length]));
        }
    }

    /** Adds running pods of one deployment in an EKS cluster, and the cluster when it is new. */
    static void eksPods(Inventory inventory, String cluster, String namespace, String deployment, int count) {
        String clusterArn = "arn:aws:eks:" + inventory.region() + ":" + inventory.account() + ":cluster/" + cluster;
        if (inventory.resource(clusterArn).isEmpty()) {
            inventory.add(SimResource.builder("aws:eks:cluster", cluster).arn(clusterArn).attribute("Name", cluster));
        }
        for (int i = 0; i < count; i++) {
            int n = inventory.nextSerial();
            String pod = deployment + "-" + String.format("%05x", n);
            inventory.add(SimResource.builder("aws:eks:pod", pod)
                    .arn("arn:aws:eks:" + inventory.region() + ":" + inventory.account() + ":pod/" + cluster + "/"
                            + namespace + "/" + pod)
                    .attribute("ClusterName", cluster)
                    .attribute("Namespace", namespace)
                    .attribute("Name", pod)
                    .attribute("DeploymentName", deployment)
                    .attribute("Labels", Map.of("app", deployment))
                    .attribute("Status.Phase", "Running")
                    .attribute("AvailabilityZone", inventory.region() + ZONES[n % ZONES.length]));
        }
    }
}
