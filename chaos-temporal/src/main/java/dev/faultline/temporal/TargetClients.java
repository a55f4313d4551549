package dev.faultline.temporal;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * The FIS and CloudWatch clients a worker uses for each {@link RunTarget}. A worker for one
 * account uses {@link #of}; a worker for many builds clients per account and Region (with
 * credentials of a role in that account, say) and keeps them for its life.
 */
@FunctionalInterface
public interface TargetClients {

    /**
     * The clients for a target.
     *
     * @param target the target
     * @return the clients; the worker does not close them
     * @throws IllegalArgumentException when the worker has no clients for that target
     */
    Clients clients(RunTarget target);

    /**
     * The same clients for every target.
     *
     * @param fis the FIS client
     * @param cloudWatch the CloudWatch client
     * @return the provider
     */
    static TargetClients of(FisAsyncClient fis, CloudWatchAsyncClient cloudWatch) {
        Clients clients = new Clients(fis, cloudWatch);
        return target -> clients;
    }

    /**
     * Clients per {@link RunTarget#key()} ({@code account/region}, or {@code default}).
     *
     * @param byKey the clients by key
     * @return the provider; an unknown target fails with a message naming the known keys
     */
    static TargetClients byKey(Map<String, Clients> byKey) {
        Map<String, Clients> copy = Map.copyOf(byKey);
        return target -> {
            Clients c = copy.get(target.key());
            if (c == null) {
                throw new IllegalArgumentException("This worker has no FIS clients for " + target.key()
                        + "; it has clients for " + copy.keySet());
            }
            return c;
        };
    }

    /**
     * A FIS client and a CloudWatch client for one account and Region.
     *
     * @param fis the FIS client
     * @param cloudWatch the CloudWatch client
     */
    record Clients(FisAsyncClient fis, CloudWatchAsyncClient cloudWatch) {

        /**
         * Checks both are present.
         *
         * @param fis the FIS client
         * @param cloudWatch the CloudWatch client
         */
        public Clients {
            Objects.requireNonNull(fis, "fis");
            Objects.requireNonNull(cloudWatch, "cloudWatch");
        }
    }
}
