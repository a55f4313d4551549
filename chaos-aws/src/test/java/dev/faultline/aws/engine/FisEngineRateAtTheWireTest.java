package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.testkit.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/engine.md: the rate cap holds where the calls arrive. Five runs asked to start at once,
 * each polling every 10 ms once started, want many times {@value #CAP} calls a second (the
 * later starts may wait behind the polls, which leave first); LocalFis records when each request reached
 * it (wall-clock {@code nanoTime}, not the simulated clock), and no one-second window holds
 * more than the cap, plus one for a call delayed in transit.
 */
@Timeout(120)
class FisEngineRateAtTheWireTest {

    private static final int CAP = 10;
    private static final int MEASURED = 4 * CAP;

    private final EngineFixture fx = new EngineFixture();
    private FisEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        fx.close();
    }

    /** The most requests that arrived within any one second. */
    static int busiestSecond(List<ReceivedRequest> requests) {
        long second = TimeUnit.SECONDS.toNanos(1);
        int most = 0;
        int from = 0;
        for (int to = 0; to < requests.size(); to++) {
            while (requests.get(to).receivedNanos() - requests.get(from).receivedNanos() >= second) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    @Test
    void runsPollingFasterThanTheCap_neverMoreThanTheCapInAnySecond_atLocalFis() {
        engine = fx.engine(EngineFixture.testConfig().maxCallsPerSecond(CAP).build()).build();
        List<CompletableFuture<ExperimentRun>> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starts.add(engine.start(fx.nodeLossDraft("Worker", Duration.ofMinutes(30)).build(),
                    RunOptions.builder().preview(false).build()));
        }
        starts.get(0).orTimeout(60, TimeUnit.SECONDS).join(); // a deadline: join alone ignores the test's timeout
        fx.clock.advance(Duration.ofSeconds(2));
        int before = fx.localFis.received().size();
        await(MEASURED + " more requests at LocalFis", () -> fx.localFis.received().size() >= before + MEASURED);
        List<ReceivedRequest> measured = fx.localFis.received().subList(before, before + MEASURED);

        long spanNanos = measured.get(MEASURED - 1).receivedNanos() - measured.get(0).receivedNanos();
        assertThat(busiestSecond(measured)).as("%d requests over %d ms", MEASURED,
                TimeUnit.NANOSECONDS.toMillis(spanNanos)).isLessThanOrEqualTo(CAP + 1);
    }

    @Test
    void busiestSecond_countsASlidingWindow() {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        List<ReceivedRequest> at = new ArrayList<>();
        for (long t : new long[] {0, 100, 999, 1000, 1001, 1500, 1998, 3000}) {
            at.add(new ReceivedRequest(t * ms, "GET", "/x"));
        }
        assertThat(busiestSecond(at)).isEqualTo(5); // 1000, 1001, 1500, 1998 and 999
    }
}
