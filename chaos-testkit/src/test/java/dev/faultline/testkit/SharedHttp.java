package dev.faultline.testkit;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/** One Netty HTTP client for every test, so no test waits for an event loop's graceful shutdown. */
final class SharedHttp {

    static final SdkAsyncHttpClient CLIENT = NettyNioAsyncHttpClient.builder().build();

    private SharedHttp() {}
}
