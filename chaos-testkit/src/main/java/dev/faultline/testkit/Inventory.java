package dev.faultline.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated resources that LocalFis resolves targets against and that actions change.
 * Thread-safe. Build it in Java, with the fleet helpers or {@link SimResource#builder}, or
 * load it from JSON:
 *
 * <pre>{@code
 * inventory.ec2Instances(10, "Environment", "Production", "Role", "WorkerNode")
 *          .rdsCluster("orders", 3)
 *          .add(SimResource.builder("aws:s3:bucket", "logs").tag("Team", "core"));
 *
 * {"resources": [{"type": "aws:ec2:instance", "id": "i-1", "tags": {"Env": "prod"},
 *                 "attributes": {"State": {"Name": "running"}}}]}
 * }</pre>
 */
public final class Inventory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ZONES = {"a", "b", "c"};

    private final String account;
    private final String region;
    private final Map<String, SimResource> byArn = new LinkedHashMap<>();
    private final List<InventoryEvent> events = new ArrayList<>();
    private int serial;

    /**
     * An empty inventory for the given account and Region.
     *
     * @param account the account id used in derived ARNs
     * @param region the Region used in derived ARNs and availability zones
     */
    public Inventory(String account, String region) {
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * The account id of derived ARNs.
     *
     * @return the account id
     */
    public String account() {
        return account;
    }

    /**
     * The Region of derived ARNs.
     *
     * @return the Region
     */
    public String region() {
        return region;
    }

    /**
     * Adds a resource, replacing one of the same type with the same ARN.
     *
     * @param resource the resource
     * @return this inventory
     */
    public synchronized Inventory add(SimResource resource) {
        byArn.put(key(resource.type(), resource.arn()), Objects.requireNonNull(resource, "resource"));
        return this;
    }

    // one ARN can be a resource of two types (an instance is also a spot instance)
    private static String key(String type, String arn) {
        return type + " " + arn;
    }

    /**
     * Builds and adds a resource, in this inventory's account and Region.
     *
     * @param resource the builder
     * @return this inventory
     */
    public Inventory add(SimResource.Builder resource) {
        return add(resource.build(account, region));
    }

    /**
     * Removes a resource.
     *
     * @param arn its ARN
     * @return whether it was there
     */
    public synchronized boolean remove(String arn) {
        return byArn.values().removeIf(r -> r.arn().equals(arn));
    }

    /**
     * Every resource, in the order added.
     *
     * @return a copy of the list
     */
    public synchronized List<SimResource> resources() {
        return List.copyOf(byArn.values());
    }

    /**
     * The resources of one type, in the order added.
     *
     * @param type the FIS resource type
     * @return a new list
     */
    public synchronized List<SimResource> resources(String type) {
        List<SimResource> out = new ArrayList<>();
        for (SimResource r : byArn.values()) {
            if (r.type().equals(type)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The resource with an ARN.
     *
     * @param arn the ARN
     * @return the resource, if present
     */
    public synchronized Optional<SimResource> resource(String arn) {
        return byArn.values().stream().filter(r -> r.arn().equals(arn)).findFirst();
    }

    /**
     * The resource of a type with an ARN.
     *
     * @param type the FIS resource type
     * @param arn the ARN
     * @return the resource, if present
     */
    public synchronized Optional<SimResource> resourceWithArn(String type, String arn) {
        return Optional.ofNullable(byArn.get(key(type, arn)));
    }

    /**
     * The resource of a type with an id.
     *
     * @param type the FIS resource type
     * @param id the id
     * @return the resource, if present
     */
    public synchronized Optional<SimResource> resource(String type, String id) {
        return byArn.values().stream().filter(r -> r.type().equals(type) && r.id().equals(id)).findFirst();
    }

    /**
     * What experiments did to resources, oldest first.
     *
     * @return a copy of the list
     */
    public synchronized List<InventoryEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Records a change made by an experiment.
     *
     * @param event the change
     */
    public synchronized void record(InventoryEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    /**
     * Runs code while holding the inventory's lock, for several changes that belong together.
     *
     * @param change the code
     */
    public synchronized void atomically(Consumer<Inventory> change) {
        change.accept(this);
    }

    /**
     * Adds running EC2 instances spread over three availability zones in one VPC and subnet
     * per zone, with the given tags.
     *
     * @param count how many
     * @param tagPairs key, value, key, value ...
     * @return this inventory
     */
    public synchronized Inventory ec2Instances(int count, String... tagPairs) {
        Map<String, String> tags = pairs(tagPairs);
        for (int i = 0; i < count; i++) {
            int n = ++serial;
            String zone = region + ZONES[n % ZONES.length];
            String id = String.format("i-%017x", 0x1000L + n);
            add(SimResource.builder("aws:ec2:instance", id).tags(tags)
                    .attribute("InstanceId", id)
                    .attribute("State.Name", "running")
                    .attribute("Placement.AvailabilityZone", zone)
                    .attribute("VpcId", "vpc-00000001")
                    .attribute("SubnetId", "subnet-0000000" + ZONES[n % ZONES.length])
                    .attribute("InstanceType", "m5.large"));
        }
        return this;
    }

    /**
     * Adds one subnet per zone ({@code a}, {@code b}, {@code c}) in a VPC.
     *
     * @param vpcId the VPC id
     * @param tagPairs key, value, ...
     * @return this inventory
     */
    public synchronized Inventory subnets(String vpcId, String... tagPairs) {
        for (String z : ZONES) {
            String id = "subnet-" + vpcId.replace("vpc-", "") + z;
            add(SimResource.builder("aws:ec2:subnet", id).tags(pairs(tagPairs))
                    .attribute("SubnetId", id)
                    .attribute("VpcId", vpcId)
                    .attribute("AvailabilityZone", region + z)
                    .attribute("AvailabilityZoneId", "use1-az" + (z.charAt(0) - 'a' + 1)));
        }
        return this;
    }

    /**
     * Adds an Aurora cluster with the given number of instances; the first is the writer.
     *
     * @param name the cluster identifier
     * @param members how many DB instances, at least 1
     * @param tagPairs key, value, ...
     * @return this inventory
     */
    public synchronized Inventory rdsCluster(String name, int members, String... tagPairs) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String db = name + "-" + (i + 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("DBInstanceIdentifier", db);
            m.put("IsClusterWriter", i == 0);
            list.add(m);
            add(SimResource.builder("aws:rds:db", db).tags(pairs(tagPairs))
                    .attribute("DBInstanceIdentifier", db)
                    .attribute("DBClusterIdentifier", name)
                    .attribute("AvailabilityZone", region + ZONES[i % ZONES.length])
                    .attribute("DBInstanceStatus", "available")
                    .attribute("Engine", "aurora-postgresql"));
        }
        add(SimResource.builder("aws:rds:cluster", name).tags(pairs(tagPairs))
                .attribute("DBClusterIdentifier", name)
                .attribute("Engine", "aurora-postgresql")
                .attribute("Status", "available")
                .attribute("DBClusterMembers", list));
        return this;
    }

    /**
     * Adds running ECS tasks of one service in one cluster.
     *
     * @param cluster the cluster name
     * @param service the service name
     * @param count how many tasks
     * @param tagPairs key, value, ...
     * @return this inventory
     */
    public synchronized Inventory ecsTasks(String cluster, String service, int count, String... tagPairs) {
        String clusterArn = "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster;
        if (resource(clusterArn).isEmpty()) {
            add(SimResource.builder("aws:ecs:cluster", cluster).arn(clusterArn)
                    .attribute("ClusterName", cluster).attribute("Status", "ACTIVE"));
        }
        for (int i = 0; i < count; i++) {
            String id = String.format("%032x", 0x5000L + ++serial);
            add(SimResource.builder("aws:ecs:task", cluster + "/" + id).tags(pairs(tagPairs))
                    .attribute("ClusterArn", clusterArn)
                    .attribute("Group", "service:" + service)
                    .attribute("LastStatus", "RUNNING")
                    .attribute("AvailabilityZone", region + ZONES[serial % ZONES.length]));
        }
        return this;
    }

    /**
     * Adds running pods of one deployment in an EKS cluster.
     *
     * @param cluster the EKS cluster name
     * @param namespace the Kubernetes namespace
     * @param deployment the deployment name; pods get the label {@code app=<deployment>}
     * @param count how many pods
     * @return this inventory
     */
    public synchronized Inventory eksPods(String cluster, String namespace, String deployment, int count) {
        String clusterArn = "arn:aws:eks:" + region + ":" + account + ":cluster/" + cluster;
        if (resource(clusterArn).isEmpty()) {
            add(SimResource.builder("aws:eks:cluster", cluster).arn(clusterArn).attribute("Name", cluster));
        }
        for (int i = 0; i < count; i++) {
            String pod = deployment + "-" + String.format("%05x", ++serial);
            add(SimResource.builder("aws:eks:pod", pod)
                    .arn("arn:aws:eks:" + region + ":" + account + ":pod/" + cluster + "/" + namespace + "/" + pod)
                    .attribute("ClusterName", cluster)
                    .attribute("Namespace", namespace)
                    .attribute("Name", pod)
                    .attribute("DeploymentName", deployment)
                    .attribute("Labels", Map.of("app", deployment))
                    .attribute("Status.Phase", "Running")
                    .attribute("AvailabilityZone", region + ZONES[serial % ZONES.length]));
        }
        return this;
    }

    /**
     * Adds the resources of a JSON document:
     * {@code {"resources":[{"type","id","arn"?,"tags"?,"attributes"?}]}}.
     *
     * @param json the document
     * @return this inventory
     * @throws IllegalArgumentException if the document does not have that shape
     */
    public Inventory load(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The inventory is not JSON: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("resources");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("An inventory is an object with a \"resources\" array.");
        }
        int i = 0;
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); i++) {
            JsonNode r = it.next();
            String type = r.path("type").asText(null);
            String id = r.path("id").asText(null);
            if (type == null || id == null) {
                throw new IllegalArgumentException("resources[" + i + "] needs \"type\" and \"id\".");
            }
            SimResource.Builder b = SimResource.builder(type, id);
            if (r.hasNonNull("arn")) {
                b.arn(r.get("arn").asText());
            }
            if (r.has("tags")) {
                b.tags(JSON.convertValue(r.get("tags"), new TypeReference<Map<String, String>>() { }));
            }
            if (r.has("attributes")) {
                Map<String, Object> attrs = JSON.convertValue(r.get("attributes"),
                        new TypeReference<Map<String, Object>>() { });
                attrs.forEach(b::attribute);
            }
            add(b);
        }
        return this;
    }

    /**
     * Adds the resources of a JSON file (see {@link #load(String)}).
     *
     * @param file the file
     * @return this inventory
     */
    public Inventory load(Path file) {
        try {
            return load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The inventory as JSON, in the format {@link #load(String)} reads.
     *
     * @return the JSON text
     */
    public synchronized String toJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SimResource r : byArn.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("id", r.id());
            m.put("arn", r.arn());
            m.put("tags", r.tags());
            m.put("attributes", r.attributes());
            list.add(m);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("resources", list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> pairs(String... tagPairs) {
        if (tagPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in key, value pairs: " + List.of(tagPairs));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tagPairs.length; i += 2) {
            out.put(tagPairs[i], tagPairs[i + 1]);
        }
        return out;
    }
}
