package dev.faultline.testkit;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * AWS SDK clients pointed at a {@link LocalFis}, with dummy credentials. Needs the optional
 * dependencies {@code software.amazon.awssdk:fis}, {@code cloudwatch} and an async HTTP
 * client such as {@code netty-nio-client} on the class path.
 *
 * <pre>{@code
 * FisAsyncClient fis = SdkClients.fis(localFis);
 * }</pre>
 */
public final class SdkClients {

    private SdkClients() {}

    /**
     * A FIS client for a LocalFis.
     *
     * @param localFis the running instance
     * @return a new client; close it when done
     */
    public static FisAsyncClient fis(LocalFis localFis) {
        return fis(localFis, null);
    }

    /**
     * A FIS client for a LocalFis over a shared HTTP client (which the FIS client does not
     * close; sharing one saves the event loop's start and graceful shutdown per client).
     *
     * @param localFis the running instance
     * @param http the HTTP client, or null for the SDK's default
     * @return a new client; close it when done
     */
    public static FisAsyncClient fis(LocalFis localFis, SdkAsyncHttpClient http) {
        Objects.requireNonNull(localFis, "localFis");
        return FisAsyncClient.builder()
                .httpClient(http)
                .endpointOverride(localFis.endpoint())
                .region(Region.of(localFis.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /**
     * A CloudWatch client for a LocalFis.
     *
     * @param localFis the running instance
     * @return a new client; close it when done
     */
    public static CloudWatchAsyncClient cloudWatch(LocalFis localFis) {
        return cloudWatch(localFis, null);
    }

    /**
     * A CloudWatch client for a LocalFis over a shared HTTP client.
     *
     * @param localFis the running instance
     * @param http the HTTP client, or null for the SDK's default
     * @return a new client; close it when done
     */
    public static CloudWatchAsyncClient cloudWatch(LocalFis localFis, SdkAsyncHttpClient http) {
        Objects.requireNonNull(localFis, "localFis");
        return CloudWatchAsyncClient.builder()
                .httpClient(http)
                .endpointOverride(localFis.endpoint())
                .region(Region.of(localFis.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /**
     * An IAM client for a LocalFis (its IAM API: GetRole, SimulatePrincipalPolicy).
     *
     * @param localFis the running instance
     * @return a new client; close it when done
     */
    public static IamAsyncClient iam(LocalFis localFis) {
        Objects.requireNonNull(localFis, "localFis");
        return IamAsyncClient.builder()
                .endpointOverride(localFis.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
