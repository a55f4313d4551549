package dev.faultline.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
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
        FleetFixtures.ec2Instances(this, count, pairs(tagPairs));
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
        FleetFixtures.subnets(this, vpcId, pairs(tagPairs));
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
        FleetFixtures.rdsCluster(this, name, members, pairs(tagPairs));
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
        FleetFixtures.ecsTasks(this, cluster, service, count, pairs(tagPairs));
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
        FleetFixtures.eksPods(this, cluster, namespace, deployment, count);
        return this;
    }

    /**
     * Adds the resources of a JSON document:
     * {@code {"resources":[{"type","id","arn"?,"tags"?,"attributes"?}]}}.
     *
     * @param json the document
     * @return this inventory
     * @throws InventoryException if the text is not JSON or the document does not have that shape
     */
    public Inventory load(String json) {
        Objects.requireNonNull(json, "json");
        InventoryJson.read(json, null).forEach(this::add);
        return this;
    }

    /**
     * Adds the resources of a JSON file (see {@link #load(String)}).
     *
     * @param file the file
     * @return this inventory
     * @throws InventoryException if the file cannot be read or does not hold an inventory
     */
    public Inventory load(Path file) {
        Objects.requireNonNull(file, "file");
        InventoryJson.read(file).forEach(this::add);
        return this;
    }

    /**
     * The inventory as JSON, in the format {@link #load(String)} reads.
     *
     * @return the JSON text
     * @throws InventoryException if an attribute value cannot be written as JSON
     */
    public synchronized String toJson() {
        return InventoryJson.write(byArn.values());
    }

    /** The next number for a generated resource id; callers hold the lock. */
    int nextSerial() {
        return ++serial;
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
