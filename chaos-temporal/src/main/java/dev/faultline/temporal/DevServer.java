package dev.faultline.temporal;

import dev.faultline.temporal.internal.NoStickyExecution;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's own Java test server ({@code temporal-test-server}, the implementation behind
 * {@code io.temporal.testserver.TestServer}) as a standalone server bound to 127.0.0.1 only, for
 * local use without a cluster ({@code faultline temporal-dev}, {@code faultline demo --durable}).
 * It keeps everything in memory, runs in real time, has one namespace ({@code default}), no
 * Schedules and no sticky execution (see {@link NoStickyExecution}: without it a dead worker's
 * workflows would wait forever); point workers and clients at a real Temporal cluster for anything else.
 */
public final class DevServer implements AutoCloseable {

    private final TestServicesStarter services;
    private final Server server;

    private DevServer(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    /**
     * Starts the server on a port of 127.0.0.1 (0 for a free one).
     *
     * @param port the port
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DevServer start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        // as TestServer.createPortBoundServer does (real time, no time skipping), but on loopback only
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        // the test server never moves a dead worker's sticky tasks back to the shared queue
        builder.intercept(new NoStickyExecution());
        try {
            return new DevServer(services, builder.build().start());
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("the Temporal dev server could not listen on 127.0.0.1:" + port, e);
        }
    }

    /**
     * The address workers and clients use.
     *
     * @return {@code 127.0.0.1:PORT}
     */
    public String target() {
        return "127.0.0.1:" + port();
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /** Stops the server; everything it held is gone. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        services.close();
    }
}
