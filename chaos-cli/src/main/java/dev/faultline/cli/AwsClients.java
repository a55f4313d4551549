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
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClientBuilder;

/**
 * The AWS clients {@code faultline run} uses: the default credential chain, or a named profile,
 * and an optional endpoint (LocalFis, say) for FIS, CloudWatch and IAM (the permissions
 * preflight's SimulatePrincipalPolicy). IAM is global: its client uses the partition's global
 * Region unless an endpoint is given.
 */
final class AwsClients implements AutoCloseable {

    private final FisAsyncClient fis;
    private final CloudWatchAsyncClient cloudWatch;
    private final IamAsyncClient iam;

    AwsClients(URI endpoint, String profile, String region) {
        this(endpoint, profile, region, null);
    }

    /**
     * The clients with given credentials (tests: static ones, so that no {@code aws.*} system property is set),
     * or, when {@code given} is null, the profile's or the default chain's.
     */
    AwsClients(URI endpoint, String profile, String region, AwsCredentialsProvider given) {
        AwsCredentialsProvider credentials = given != null ? given
                : profile == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile);
        FisAsyncClientBuilder f = FisAsyncClient.builder().credentialsProvider(credentials);
        CloudWatchAsyncClientBuilder c = CloudWatchAsyncClient.builder().credentialsProvider(credentials);
        IamAsyncClientBuilder i = IamAsyncClient.builder().credentialsProvider(credentials).region(Region.AWS_GLOBAL);
        if (region != null) {
            f.region(Region.of(region));
            c.region(Region.of(region));
            if (region.startsWith("cn-")) {
                i.region(Region.AWS_CN_GLOBAL);
            } else if (region.startsWith("us-gov-")) {
                i.region(Region.AWS_US_GOV_GLOBAL);
            }
        }
        if (endpoint != null) {
            f.endpointOverride(endpoint);
            c.endpointOverride(endpoint);
            i.endpointOverride(endpoint);
        }
        this.fis = f.build();
        this.cloudWatch = c.build();
        this.iam = i.build();
    }

    FisAsyncClient fis() {
        return fis;
    }

    CloudWatchAsyncClient cloudWatch() {
        return cloudWatch;
    }

    IamAsyncClient iam() {
        return iam;
    }

    @Override
    public void close() {
        fis.close();
        cloudWatch.close();
        iam.close();
    }
}
