package dev.faultline.cli;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClientBuilder;

/**
 * The AWS clients {@code faultline run} uses: the default credential chain, or a named profile,
 * and an optional endpoint (LocalFis, say) for both FIS and CloudWatch.
 */
final class AwsClients implements AutoCloseable {

    private final FisAsyncClient fis;
    private final CloudWatchAsyncClient cloudWatch;

    AwsClients(URI endpoint, String profile, String region) {
        AwsCredentialsProvider credentials = profile == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile);
        FisAsyncClientBuilder f = FisAsyncClient.builder().credentialsProvider(credentials);
        CloudWatchAsyncClientBuilder c = CloudWatchAsyncClient.builder().credentialsProvider(credentials);
        if (region != null) {
            f.region(Region.of(region));
            c.region(Region.of(region));
        }
        if (endpoint != null) {
            f.endpointOverride(endpoint);
            c.endpointOverride(endpoint);
        }
        this.fis = f.build();
        this.cloudWatch = c.build();
    }

    FisAsyncClient fis() {
        return fis;
    }

    CloudWatchAsyncClient cloudWatch() {
        return cloudWatch;
    }

    @Override
    public void close() {
        fis.close();
        cloudWatch.close();
    }
}
