package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunState;
import dev.faultline.testkit.Faults;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;

/** When the engine cannot learn a run's outcome, and when it is built wrong. */
@Timeout(60)
class FisEngineFailureTest {

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void polling_serviceKeepsFailing_publishesRunFailedAndCompletesWithEngineException() {
        EngineConfig config = EngineFixture.testConfig().maxAttempts(2).maxFailedPolls(2).build();
        try (FisEngine engine = fx.engine(config).build()) {
            ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
            fx.clock.advance(Duration.ofSeconds(2));
            await(() -> run.state() == RunState.RUNNING);

            fx.localFis.faults(Faults.builder().serverErrors(1.0).build());

            assertThatThrownBy(() -> run.completion().join()).cause()
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining(run.experimentId()).hasMessageContaining("2 failed GetExperiment poll(s)")
                    .hasCauseInstanceOf(AwsServiceException.class);
            List<RunEvent> events = run.events();
            assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(RunEvent.RunFailed.class,
                    e -> assertThat(e.error()).isInstanceOf(EngineException.class));
            assertThat(engine.activeRuns()).isEmpty();
            fx.localFis.faults(Faults.none());
            assertThat(fx.localFis.experimentStatus(run.experimentId())).as("still running in the service")
                    .contains("running");
        }
    }

    @Test
    void start_createAnswerLost_deletesTheTemplateTheCreateMadeAndFails() {
        // every CreateExperimentTemplate is handled by LocalFis, but its answer is replaced by a 503
        FisAsyncClient lossy = (FisAsyncClient) Proxy.newProxyInstance(FisAsyncClient.class.getClassLoader(),
                new Class<?>[] {FisAsyncClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(fx.fis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("createExperimentTemplate")
                            && args[0] instanceof CreateExperimentTemplateRequest) {
                        return ((CompletableFuture<?>) result).thenCompose(r -> CompletableFuture.failedFuture(
                                AwsServiceException.builder().statusCode(503).message("answer lost").build()));
                    }
                    return result;
                });
        EngineConfig config = EngineFixture.testConfig().maxAttempts(3).build();
        try (FisEngine engine = FisEngine.builder().fis(lossy).cloudWatch(fx.cloudWatch).config(config)
                .clock(fx.clock).build()) {
            assertThatThrownBy(() -> engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join())
                    .cause().isInstanceOf(EngineException.class)
                    .hasMessageContaining("1 template(s) it may have created deleted")
                    .hasCauseInstanceOf(AwsServiceException.class);
        }
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
        assertThat(fx.fis.listExperiments(b -> { }).join().experiments()).isEmpty();
    }

    @Test
    void builder_withoutClients_saysWhichIsMissing() {
        assertThatThrownBy(() -> FisEngine.builder().cloudWatch(fx.cloudWatch).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("fis");
        assertThatThrownBy(() -> FisEngine.builder().fis(fx.fis).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("cloudWatch");
    }

    @Test
    void config_badValues_areRejectedWithTheirName() {
        assertThatThrownBy(() -> EngineConfig.builder().maxFailedPolls(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFailedPolls");
    }
}
