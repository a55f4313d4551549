package dev.faultline.aws.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.UUID;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;

/**
 * A mutant for the idempotency tests: a FIS client that replaces the client token of every
 * CreateExperimentTemplate and StartExperiment attempt with a fresh one, as an engine would that
 * built a new token on each retry.
 */
final class FreshTokens {

    private FreshTokens() {}

    /** Wraps a client so that every mutating attempt carries a fresh client token. */
    static FisAsyncClient wrap(FisAsyncClient fis) {
        return (FisAsyncClient) Proxy.newProxyInstance(FisAsyncClient.class.getClassLoader(),
                new Class<?>[] {FisAsyncClient.class}, (proxy, method, args) -> {
                    Object[] call = args;
                    if (args != null && args.length == 1 && args[0] instanceof CreateExperimentTemplateRequest) {
                        call = new Object[] {((CreateExperimentTemplateRequest) args[0]).toBuilder()
                                .clientToken(UUID.randomUUID().toString()).build()};
                    } else if (args != null && args.length == 1 && args[0] instanceof StartExperimentRequest) {
                        call = new Object[] {((StartExperimentRequest) args[0]).toBuilder()
                                .clientToken(UUID.randomUUID().toString()).build()};
                    }
                    try {
                        return method.invoke(fis, call);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
