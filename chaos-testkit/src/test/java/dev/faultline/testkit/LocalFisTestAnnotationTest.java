package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

@LocalFisTest
class LocalFisTestAnnotationTest {

    @Test
    void theAnnotation_givesAnInstanceWithAManualClock(LocalFis fis, Inventory inventory, ManualClock clock) {
        assertThat(fis.inventory()).isSameAs(inventory);
        assertThat(fis.clock()).isSameAs(clock);
        clock.advance(Duration.ofMinutes(1));
        assertThat(fis.clock().instant()).isEqualTo(Clocks.EPOCH.plusSeconds(60));
    }
}
