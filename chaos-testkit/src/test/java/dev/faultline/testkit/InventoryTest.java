package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

    @Test
    void json_roundTrips() {
        Inventory a = new Inventory("111122223333", "eu-west-1").ec2Instances(2, "Env", "prod").rdsCluster("db", 2)
                .subnets("vpc-1");
        Inventory b = new Inventory("111122223333", "eu-west-1").load(a.toJson());
        assertThat(b.toJson()).isEqualTo(a.toJson());
        assertThat(b.resources("aws:ec2:instance").get(0).text("Placement.AvailabilityZone").orElseThrow())
                .startsWith("eu-west-1");
    }

    @Test
    void derivedArns_followTheCatalogFormats() {
        SimResource vm = SimResource.builder("aws:ec2:instance", "i-1").build();
        assertThat(vm.arn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:instance/i-1");
        SimResource bucket = SimResource.builder("aws:s3:bucket", "logs").build();
        assertThat(bucket.arn()).startsWith("arn:aws:s3:").endsWith("logs");
    }

    @Test
    void load_withoutResources_explainsTheShape() {
        assertThatThrownBy(() -> new Inventory("1", "r").load("{\"x\":1}"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("\"resources\"");
        assertThatThrownBy(() -> new Inventory("1", "r").load("{\"resources\":[{\"type\":\"aws:ec2:instance\"}]}"))
                .hasMessageContaining("resources[0]");
    }

    @Test
    void load_missingFile_isAnInventoryExceptionNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("fleet.json");

        assertThatThrownBy(() -> new Inventory("1", "r").load(missing))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.file()).contains(missing))
                .hasMessageContaining("fleet.json").hasMessageContaining("cannot be read");
    }

    @Test
    void load_fileThatIsNotJson_namesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fleet.json"), "{resources: oops");

        assertThatThrownBy(() -> new Inventory("1", "r").load(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.file()).contains(file))
                .hasMessageContaining("is not JSON");
    }

    @Test
    void load_badThirdResource_addsNothing() {
        Inventory inv = new Inventory("1", "r");
        String json = "{\"resources\":[{\"type\":\"aws:ec2:instance\",\"id\":\"i-1\"},"
                + "{\"type\":\"aws:ec2:instance\",\"id\":\"i-2\"},{\"type\":\"aws:ec2:instance\"}]}";

        assertThatThrownBy(() -> inv.load(json)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("resources[2]");
        assertThat(inv.resources()).isEmpty();
    }

    @Test
    void everyCatalogResourceType_canBeSimulated() {
        Inventory inv = new Inventory("123456789012", "us-east-1");
        for (var type : dev.faultline.core.catalog.Catalog.defaultCatalog().resourceTypes()) {
            inv.add(SimResource.builder(type.type(), "r1"));
        }
        assertThat(inv.resources()).allSatisfy(r -> assertThat(r.arn()).startsWith("arn:aws:"));
        assertThat(inv.resources()).hasSize(dev.faultline.core.catalog.Catalog.defaultCatalog().resourceTypes().size());
    }
}
