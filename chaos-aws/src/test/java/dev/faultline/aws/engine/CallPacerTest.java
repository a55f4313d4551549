package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CallPacerTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void sends_areAtLeastOnePeriodApart_whenTheyLeave_evenWhenSubmittedAtOnce() throws Exception {
        CallPacer pacer = new CallPacer(100, scheduler, System::nanoTime);
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(30);
        for (int i = 0; i < 30; i++) {
            pacer.submit(CallPacer.Priority.WATCH, () -> {
                sentAt.add(System.nanoTime());
                done.countDown();
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();

        List<Long> times = new ArrayList<>(sentAt);
        Collections.sort(times);
        for (int i = 1; i < times.size(); i++) {
            // the pacer sends only once nanoTime has passed the previous send + 10 ms
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10) - 1_000_000);
        }
        assertThat(pacer.sent()).isEqualTo(30);
    }

    @Test
    void aLateScheduler_neverSendsTwoCallsInOnePeriod() throws Exception {
        AtomicLong now = new AtomicLong();
        CallPacer pacer = new CallPacer(10, scheduler, now::get);
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(now.get()));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));  // the scheduler was late by seconds
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(now.get()));
        pacer.submit(CallPacer.Priority.WORK, () -> sentAt.add(now.get()));

        assertThat(sentAt).hasSize(2);  // the third waits a full period after the second, however late
        assertThat(sentAt.get(1) - sentAt.get(0)).isEqualTo(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aStop_leavesBeforeWaitingPolls_andAPollBeforeWaitingStarts() throws Exception {
        CallPacer pacer = new CallPacer(20, scheduler, System::nanoTime);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(6);
        pacer.submit(CallPacer.Priority.WORK, () -> {
            order.add("start-1");
            done.countDown();
        });
        for (String name : List.of("start-2", "start-3")) {
            pacer.submit(CallPacer.Priority.WORK, () -> {
                order.add(name);
                done.countDown();
            });
        }
        pacer.submit(CallPacer.Priority.WATCH, () -> {
            order.add("poll");
            done.countDown();
        });
        pacer.submit(CallPacer.Priority.STOP, () -> {
            order.add("stop");
            done.countDown();
        });
        pacer.submit(CallPacer.Priority.WORK, () -> {
            order.add("start-4");
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(order).containsExactly("start-1", "stop", "poll", "start-2", "start-3", "start-4");
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
