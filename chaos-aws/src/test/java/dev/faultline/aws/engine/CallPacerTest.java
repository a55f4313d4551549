package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pacer's logic on a fake time: a {@link ManualScheduler} runs each wake-up exactly when it
 * is due, so the spacing asserted is the pacer's own, not the machine's load.
 */
@Timeout(30)
class CallPacerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ManualScheduler manual = new ManualScheduler();

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void sends_areExactlyOnePeriodApart_whenTheyLeave_evenWhenSubmittedAtOnce() {
        CallPacer pacer = new CallPacer(100, manual, manual.clock());
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pacer.submit(CallPacer.Priority.WATCH, () -> sentAt.add(manual.nanoTime()));
        }
        assertThat(sentAt).as("the first leaves at once, the others wait").containsExactly(0L);

        manual.advance(10 * MS - 1);
        assertThat(sentAt).as("not a nanosecond early").hasSize(1);
        manual.advance(1_000 * MS);

        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(i * 10 * MS);
        }
        assertThat(sentAt).isEqualTo(expected);
        assertThat(pacer.sent()).isEqualTo(30);
        assertThat(manual.waiting()).as("no wake-up left once the queues are empty").isZero();
    }

    @Test
    void afterALongPause_theNextCallGoesAtOnce_butTheOneAfterItWaitsAFullPeriod() {
        CallPacer pacer = new CallPacer(10, manual, manual.clock());
        List<Long> sentAt = new ArrayList<>();
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(manual.nanoTime()));
        manual.advance(TimeUnit.SECONDS.toNanos(5)); // nothing to send for seconds: no credit is saved up
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(manual.nanoTime()));
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(manual.nanoTime()));

        assertThat(sentAt).containsExactly(0L, 5_000 * MS);
        manual.advance(100 * MS - 1);
        assertThat(sentAt).hasSize(2);
        manual.advance(1);
        assertThat(sentAt).containsExactly(0L, 5_000 * MS, 5_100 * MS);
    }

    @Test
    void aStop_leavesBeforeWaitingPolls_andAPollBeforeWaitingStarts() {
        CallPacer pacer = new CallPacer(20, manual, manual.clock());
        List<String> order = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();
        for (String name : List.of("start-1", "start-2", "start-3")) {
            pacer.submit(CallPacer.Priority.WORK, () -> {
                order.add(name);
                sentAt.add(manual.nanoTime());
            });
        }
        pacer.submit(CallPacer.Priority.WATCH, () -> {
            order.add("poll");
            sentAt.add(manual.nanoTime());
        });
        pacer.submit(CallPacer.Priority.STOP, () -> {
            order.add("stop");
            sentAt.add(manual.nanoTime());
        });
        pacer.submit(CallPacer.Priority.WORK, () -> {
            order.add("start-4");
            sentAt.add(manual.nanoTime());
        });
        manual.advance(1_000 * MS);

        assertThat(order).containsExactly("start-1", "stop", "poll", "start-2", "start-3", "start-4");
        assertThat(sentAt).containsExactly(0L, 50 * MS, 100 * MS, 150 * MS, 200 * MS, 250 * MS);
    }

    /**
     * Polls that would fill every slot (runs polling faster than the cap) still leave one slot in
     * {@link CallPacer#WORK_SHARE} to the waiting starts, in their order: with strict priority the
     * starts below would never be sent.
     */
    @Test
    void pollsFillingEverySlot_stillLeaveOneSlotInFourToWaitingStarts() {
        CallPacer pacer = new CallPacer(10, manual, manual.clock());
        List<String> order = new ArrayList<>();
        pacer.submit(CallPacer.Priority.WATCH, () -> order.add("poll")); // sent at once: the queue was empty
        for (String name : List.of("start-1", "start-2")) {
            pacer.submit(CallPacer.Priority.WORK, () -> order.add(name));
        }
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            order.add("poll");
            pacer.submit(CallPacer.Priority.WATCH, poll[0]); // a run that polls again at once
        };
        pacer.submit(CallPacer.Priority.WATCH, poll[0]);
        pacer.submit(CallPacer.Priority.WATCH, poll[0]);

        manual.advance(1_100 * MS);

        assertThat(order).containsExactly("poll", "poll", "poll", "poll", "start-1", "poll", "poll", "poll", "start-2",
                "poll", "poll", "poll");
    }

    @Test
    void aFewPolls_stillLeaveBeforeWaitingStarts() {
        CallPacer pacer = new CallPacer(10, manual, manual.clock());
        List<String> order = new ArrayList<>();
        pacer.submit(CallPacer.Priority.WORK, () -> order.add("start-1"));
        pacer.submit(CallPacer.Priority.WORK, () -> order.add("start-2"));
        for (int i = 0; i < CallPacer.WORK_SHARE - 1; i++) {
            pacer.submit(CallPacer.Priority.WATCH, () -> order.add("poll"));
        }

        manual.advance(1_000 * MS);

        assertThat(order).containsExactly("start-1", "poll", "poll", "poll", "start-2");
    }

    @Test
    void onARealScheduler_everyCallIsSent() throws Exception {
        CallPacer pacer = new CallPacer(1_000, scheduler, System::nanoTime);
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            pacer.submit(CallPacer.Priority.WATCH, done::countDown);
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).as("20 calls sent within 20 s").isTrue();
        assertThat(pacer.sent()).isEqualTo(20);
    }

    @Test
    void operations_mapToTheirQueue() {
        assertThat(CallPacer.of("StopExperiment")).isEqualTo(CallPacer.Priority.STOP);
        assertThat(CallPacer.of("GetExperiment")).isEqualTo(CallPacer.Priority.WATCH);
        assertThat(CallPacer.of("ListExperimentResolvedTargets")).isEqualTo(CallPacer.Priority.WATCH);
        assertThat(CallPacer.of("DescribeAlarms")).isEqualTo(CallPacer.Priority.WATCH);
        assertThat(CallPacer.of("SimulatePrincipalPolicy")).isEqualTo(CallPacer.Priority.WATCH);
        assertThat(CallPacer.of("CreateExperimentTemplate")).isEqualTo(CallPacer.Priority.WORK);
        assertThat(CallPacer.of("StartExperiment")).isEqualTo(CallPacer.Priority.WORK);
        assertThat(CallPacer.of("DeleteExperimentTemplate")).isEqualTo(CallPacer.Priority.WORK);
    }
}
