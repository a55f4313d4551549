package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.FaultlineException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** LocalFis that cannot bind its port fails with a FaultlineException carrying the port. */
class LocalFisStartTest {

    @Test
    void start_onAPortInUse_isALocalFisExceptionWithThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalFis.builder().port(port).start().close())
                    .isInstanceOf(FaultlineException.class)
                    .isInstanceOfSatisfying(LocalFisException.class, e -> assertThat(e.port()).isEqualTo(port))
                    .hasMessageContaining("port " + port)
                    .hasCauseInstanceOf(IOException.class);
        }
    }
}
