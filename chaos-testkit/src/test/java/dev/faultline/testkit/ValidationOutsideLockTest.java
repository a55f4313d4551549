package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.validation.Validator;
import dev.faultline.testkit.internal.Json;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validating a template (which may be large or hostile) happens outside the engine's lock: while
 * one CreateExperimentTemplate or UpdateExperimentTemplate is being validated, other requests are
 * answered.
 */
class ValidationOutsideLockTest {

    private static final String BODY = "{\"clientToken\":\"%s\",\"description\":\"d\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"stopConditions\":[{\"source\":\"none\"}],"
            + "\"targets\":{},\"actions\":{\"Wait\":{\"actionId\":\"aws:fis:wait\",\"parameters\":{\"duration\":\"PT1M\"}}}}";

    private final CountDownLatch validating = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean block;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    private Engine engine() {
        ManualClock clock = Clocks.manual();
        Validator blocking = Validator.standard().with((experiment, context, out) -> {
            if (block) {
                validating.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return new Engine("123456789012", "us-east-1", clock, new Inventory("123456789012", "us-east-1"),
                new Alarms("123456789012", "us-east-1", clock), 1, blocking);
    }

    @Test
    void create_validatesOutsideTheLock() throws Exception {
        Engine engine = engine();
        block = true;
        CompletableFuture<String> created = CompletableFuture.supplyAsync(() -> engine.createTemplate(
                Json.parse(String.format(BODY, "t1"))).path("experimentTemplate").path("id").asText(), pool);
        assertThat(validating.await(60, TimeUnit.SECONDS)).as("validation began").isTrue();

        // under the lock: would wait for the validation above if it held the lock
        CompletableFuture<Integer> listed = CompletableFuture.supplyAsync(() ->
                engine.listTemplates(Optional.empty(), Optional.empty()).path("experimentTemplates").size());
        assertThat(listed.get(60, TimeUnit.SECONDS)).isZero();

        release.countDown();
        String id = created.get(60, TimeUnit.SECONDS);
        assertThat(engine.listTemplates(Optional.empty(), Optional.empty()).path("experimentTemplates").get(0)
                .path("id").asText()).isEqualTo(id);
    }

    @Test
    void update_validatesOutsideTheLock_andStoresTheResult() throws Exception {
        Engine engine = engine();
        String id = engine.createTemplate(Json.parse(String.format(BODY, "t1"))).path("experimentTemplate")
                .path("id").asText();
        block = true;
        CompletableFuture<String> updated = CompletableFuture.supplyAsync(() -> engine.updateTemplate(id,
                Json.parse("{\"description\":\"new\"}")).path("experimentTemplate").path("description").asText(), pool);
        assertThat(validating.await(60, TimeUnit.SECONDS)).as("validation began").isTrue();

        CompletableFuture<String> got = CompletableFuture.supplyAsync(() ->
                engine.getTemplate(id).path("experimentTemplate").path("description").asText());
        assertThat(got.get(60, TimeUnit.SECONDS)).isEqualTo("d");

        release.countDown();
        assertThat(updated.get(60, TimeUnit.SECONDS)).isEqualTo("new");
        assertThat(engine.getTemplate(id).path("experimentTemplate").path("description").asText()).isEqualTo("new");
    }
}
