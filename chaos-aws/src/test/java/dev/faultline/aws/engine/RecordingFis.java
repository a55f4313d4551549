package dev.faultline.aws.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.FisServiceClientConfiguration;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateResponse;
import software.amazon.awssdk.services.fis.model.DeleteExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.DeleteExperimentTemplateResponse;
import software.amazon.awssdk.services.fis.model.FisException;
import software.amazon.awssdk.services.fis.model.GetExperimentRequest;
import software.amazon.awssdk.services.fis.model.GetExperimentResponse;
import software.amazon.awssdk.services.fis.model.ListExperimentResolvedTargetsRequest;
import software.amazon.awssdk.services.fis.model.ListExperimentResolvedTargetsResponse;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;
import software.amazon.awssdk.services.fis.model.StartExperimentResponse;
import software.amazon.awssdk.services.fis.model.StopExperimentRequest;
import software.amazon.awssdk.services.fis.model.StopExperimentResponse;

/** A FIS client that records the requests the preview sends and passes them on; it can refuse deletes. */
final class RecordingFis implements FisAsyncClient {

    final FisAsyncClient delegate;
    final List<Object> requests = new CopyOnWriteArrayList<>();
    volatile boolean refuseDelete;

    RecordingFis(FisAsyncClient delegate) {
        this.delegate = delegate;
    }

    <T> List<T> sent(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public CompletableFuture<CreateExperimentTemplateResponse> createExperimentTemplate(
            CreateExperimentTemplateRequest request) {
        requests.add(request);
        return delegate.createExperimentTemplate(request);
    }

    @Override
    public CompletableFuture<StartExperimentResponse> startExperiment(StartExperimentRequest request) {
        requests.add(request);
        return delegate.startExperiment(request);
    }

    @Override
    public CompletableFuture<GetExperimentResponse> getExperiment(GetExperimentRequest request) {
        requests.add(request);
        return delegate.getExperiment(request);
    }

    @Override
    public CompletableFuture<ListExperimentResolvedTargetsResponse> listExperimentResolvedTargets(
            ListExperimentResolvedTargetsRequest request) {
        requests.add(request);
        return delegate.listExperimentResolvedTargets(request);
    }

    @Override
    public CompletableFuture<StopExperimentResponse> stopExperiment(StopExperimentRequest request) {
        requests.add(request);
        return delegate.stopExperiment(request);
    }

    @Override
    public CompletableFuture<DeleteExperimentTemplateResponse> deleteExperimentTemplate(
            DeleteExperimentTemplateRequest request) {
        requests.add(request);
        if (refuseDelete) {
            return CompletableFuture.failedFuture(FisException.builder().statusCode(400).message("delete refused")
                    .build());
        }
        return delegate.deleteExperimentTemplate(request);
    }

    @Override
    public FisServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
