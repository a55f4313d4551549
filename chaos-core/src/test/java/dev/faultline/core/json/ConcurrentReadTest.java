package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.ExperimentGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reads on several threads at once, each going through the same generated templates in its own
 * order and cutting some of them off at a random point: every whole one reads back equal to the
 * experiment it was written from. The parser's buffers and the reader's builders are kept per
 * thread and reused from read to read, so a value left behind by one read, or a set shared by two
 * threads, shows here (sharing one set between the threads turns it red).
 */
@Timeout(120)
class ConcurrentReadTest {

    private static final ExperimentGenerator ANY = ExperimentGenerator.any();
    private static final int THREADS = 4;
    private static final int TEMPLATES = 200;
    private static final int PASSES = 5;

    @Test
    void manyThreads_readingWholeAndBrokenTemplates_eachReadTheirOwn() throws Exception {
        List<String> texts = new ArrayList<>();
        List<Experiment> expected = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (long seed = 1; seed <= TEMPLATES; seed++) {
            ExperimentGenerator.Generated g = ANY.generateWithLayout(seed);
            texts.add(random.nextBoolean() ? TemplateJson.writePretty(g.experiment(), g.layout())
                    : TemplateJson.write(g.experiment(), g.layout()));
            expected.add(g.experiment());
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    start.await();
                    return readAll(texts, expected, new SplittableRandom(seed));
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(100, TimeUnit.SECONDS)).isEqualTo(TEMPLATES * PASSES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int readAll(List<String> texts, List<Experiment> expected, SplittableRandom random) {
        int whole = 0;
        for (int n = 0; n < TEMPLATES * PASSES; n++) {
            int i = random.nextInt(TEMPLATES);
            String json = texts.get(i);
            if (random.nextInt(4) == 0) {
                String broken = json.substring(0, random.nextInt(1, json.length()));
                assertThat(TemplateJson.read(broken).experiment()).as("template %d cut at %d", i, broken.length()).isEmpty();
            }
            ReadResult read = TemplateJson.read(json);
            Experiment e = read.experiment().orElseThrow(() -> new AssertionError("template " + i + ": " + read.violations()));
            assertThat(e).as("template %d: %s", i, json).isEqualTo(expected.get(i));
            whole++;
        }
        return whole;
    }
}
