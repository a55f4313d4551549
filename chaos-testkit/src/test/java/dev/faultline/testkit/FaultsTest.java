package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.fis.FisAsyncClient;

class FaultsTest {

    private LocalFis local;
    private FisAsyncClient fis;
    private FisAsyncClient noRetries;

    @BeforeEach
    void start() {
        local = LocalFis.builder().inventory(inv -> inv.ec2Instances(10, "Environment", "Production",
                "Role", "WorkerNode")).start();
        fis = SdkClients.fis(local, SharedHttp.CLIENT);
        noRetries = FisAsyncClient.builder().httpClient(SharedHttp.CLIENT).endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    @AfterEach
    void stop() {
        fis.close();
        noRetries.close();
        local.close();
    }

    @Test
    void throttling_isSeenByTheSdkAsAThrottlingException() {
        local.faults(Faults.builder().throttling(1.0).build());

        assertThatThrownBy(() -> noRetries.listActions(b -> { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SdkServiceException.class)
                .satisfies(e -> {
                    SdkServiceException s = (SdkServiceException) e;
                    assertThat(s.isThrottlingException()).isTrue();
                    assertThat(s.statusCode()).isEqualTo(429);
                });
    }

    @Test
    void serverErrors_are500s() {
        local.faults(Faults.builder().serverErrors(1.0).build());
        assertThatThrownBy(() -> noRetries.listActions(b -> { }).join())
                .cause().isInstanceOf(SdkServiceException.class)
                .satisfies(e -> assertThat(((SdkServiceException) e).statusCode()).isEqualTo(500));
    }

    @Test
    void connectionResets_areClientSideErrors() {
        local.faults(Faults.builder().connectionResets(1.0).build());
        assertThatThrownBy(() -> noRetries.listActions(b -> { }).join())
                .cause().isInstanceOf(SdkClientException.class);
    }

    @Test
    void lostResponses_withSdkRetries_andClientTokens_neverCreateDuplicates() {
        local.faults(Faults.builder().seed(11).lostResponses(0.3).throttling(0.1).build());
        try (FisAsyncClient patient = FisAsyncClient.builder().httpClient(SharedHttp.CLIENT)
                .endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(12))).build()) {
            for (int i = 0; i < 8; i++) {
                patient.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join();
            }
        }
        local.faults(Faults.none());
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(8);
    }

    @Test
    void resetsAfterApply_theClientSeesAnErrorButTheTemplateWasCreated() {
        local.faults(Faults.builder().resetsAfterApply(1.0).build());

        assertThatThrownBy(() -> noRetries.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join())
                .cause().isInstanceOf(SdkClientException.class);

        local.faults(Faults.none());
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(1);
    }

    @Test
    void timeoutsAfterApply_theClientTimesOutButTheTemplateWasCreated() {
        local.faults(Faults.builder().timeoutsAfterApply(1.0).hang(java.time.Duration.ofSeconds(2)).build());
        try (FisAsyncClient hasty = FisAsyncClient.builder().httpClient(SharedHttp.CLIENT)
                .endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallAttemptTimeout(java.time.Duration.ofMillis(300))).build()) {
            assertThatThrownBy(() -> hasty.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join())
                    .cause().isInstanceOf(SdkClientException.class).hasMessageContaining("timeout");
        }

        local.faults(Faults.none());
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(1);
    }

    /**
     * Both after-apply faults, retried by the SDK with its one client token per call, leave exactly one template
     * per call. Nothing here depends on how fast the machine answers: the client is warmed up before any fault,
     * a hang lasts far longer than the attempt timeout (so a hang always ends in the client's timeout, never in
     * an answer), the attempt timeout is far longer than a plain answer, and a spurious timeout on a slow
     * machine is only one more retry (no circuit breaker, no backoff, many attempts). The retry condition
     * records every failed attempt, which shows that both faults were met.
     */
    @Test
    void afterApplyFaults_withSdkRetriesAndTheSameClientToken_neverCreateDuplicates() {
        List<Throwable> failedAttempts = new CopyOnWriteArrayList<>();
        try (FisAsyncClient patient = FisAsyncClient.builder().httpClient(SharedHttp.CLIENT)
                .endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(StandardRetryStrategy.builder().maxAttempts(40)
                        .circuitBreakerEnabled(false).backoffStrategy(BackoffStrategy.retryImmediately())
                        .retryOnException(failedAttempts::add).build()))
                .build()) {
            patient.listActions(b -> { }).join();
            local.faults(Faults.builder().seed(5).resetsAfterApply(0.3).timeoutsAfterApply(0.15)
                    .hang(java.time.Duration.ofMinutes(1)).build());
            for (int i = 0; i < 6; i++) {
                patient.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M")
                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(java.time.Duration.ofSeconds(2)))
                        .build()).join();
            }
        }
        local.faults(Faults.none());
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(6);
        assertThat(failedAttempts).as("a hang ends in the attempt timeout")
                .anySatisfy(e -> assertThat(e).isInstanceOf(ApiCallAttemptTimeoutException.class));
        assertThat(failedAttempts).as("a reset after applying is a client-side I/O error")
                .anySatisfy(e -> assertThat(e).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(
                        java.io.IOException.class));
    }

    @Test
    void hang_mustBePositive_andAfterApplyRatesCountTowardsTheTotal() {
        assertThatThrownBy(() -> Faults.builder().hang(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hang");
        assertThatThrownBy(() -> Faults.builder().resetsAfterApply(0.6).timeoutsAfterApply(0.6).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Faults.builder().timeoutsAfterApply(0.1).build().any()).isTrue();
    }

    @Test
    void sameSeed_sameFaultSequence() {
        boolean[] first = outcomes(5);
        boolean[] second = outcomes(5);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(true, false);
    }

    private boolean[] outcomes(long seed) {
        local.faults(Faults.builder().seed(seed).serverErrors(0.5).build());
        boolean[] out = new boolean[12];
        for (int i = 0; i < out.length; i++) {
            try {
                noRetries.listTargetResourceTypes(b -> { }).join();
                out[i] = true;
            } catch (CompletionException e) {
                out[i] = false;
            }
        }
        return out;
    }

    @Test
    void latency_delaysButDoesNotChangeAnswers() {
        assertThat(local.faults(Faults.none())).isSameAs(local);
        var plain = noRetries.listActions(b -> { }).join().actions();
        local.faults(Faults.builder().latency(java.time.Duration.ofMillis(300)).build());
        long before = System.nanoTime();
        var delayed = noRetries.listActions(b -> { }).join().actions();
        long elapsedMillis = (System.nanoTime() - before) / 1_000_000;
        // a lower bound only: the server sleeps the latency before answering, whatever the load
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(delayed).isNotEmpty().isEqualTo(plain);
    }

    @Test
    void lostResponses_applyTheRequestThenLoseTheAnswer_forCreateStartAndStop() {
        local.faults(Faults.builder().lostResponses(1.0).build());
        assertThatThrownBy(() -> noRetries.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").clientToken("c1")
                .build()).join()).cause().isInstanceOf(SdkServiceException.class)
                .satisfies(e -> assertThat(((SdkServiceException) e).statusCode()).isEqualTo(503));
        local.faults(Faults.none());
        var templates = fis.listExperimentTemplates(b -> { }).join().experimentTemplates();
        assertThat(templates).as("the create was applied although its answer was lost").hasSize(1);
        String templateId = templates.get(0).id();
        assertThat(fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").clientToken("c1").build()).join()
                .experimentTemplate().id()).as("the retry with the same token finds it").isEqualTo(templateId);

        local.faults(Faults.builder().lostResponses(1.0).build());
        assertThatThrownBy(() -> noRetries.startExperiment(b -> b.experimentTemplateId(templateId).clientToken("s1"))
                .join()).cause().isInstanceOf(SdkServiceException.class);
        local.faults(Faults.none());
        var experiments = fis.listExperiments(b -> { }).join().experiments();
        assertThat(experiments).as("the start was applied although its answer was lost").hasSize(1);
        String experimentId = experiments.get(0).id();
        assertThat(fis.startExperiment(b -> b.experimentTemplateId(templateId).clientToken("s1")).join()
                .experiment().id()).isEqualTo(experimentId);

        local.faults(Faults.builder().lostResponses(1.0).build());
        assertThatThrownBy(() -> noRetries.stopExperiment(b -> b.id(experimentId)).join())
                .cause().isInstanceOf(SdkServiceException.class);
        local.faults(Faults.none());
        assertThat(local.experimentStatus(experimentId)).as("the stop was applied although its answer was lost")
                .hasValueSatisfying(status -> assertThat(status).isIn("stopping", "stopped"));
    }

    @Test
    void faultRates_areChecked() {
        assertThatThrownBy(() -> Faults.builder().throttling(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Faults.builder().throttling(0.6).serverErrors(0.6).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
