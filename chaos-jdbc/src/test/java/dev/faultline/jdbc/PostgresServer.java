package dev.faultline.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for the tests, from the Debian {@code postgresql} package's binaries
 * ({@code /usr/lib/postgresql/N/bin}, or the directory in {@code FAULTLINE_PG_BIN}): a fresh
 * cluster in a temporary directory, on a free port of 127.0.0.1, started once per test JVM and
 * stopped after the last test. PostgreSQL refuses to run as root, so as root the cluster belongs
 * to the {@code postgres} user and its commands run through {@code runuser}. Each test asks for
 * a fresh database with {@link #newDatabaseUrl()}.
 */
public final class PostgresServer implements BeforeAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Cluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PostgresServer.class) {
            if (cluster == null) {
                cluster = Cluster.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PostgresServer.class, cluster);
            }
        }
    }

    /**
     * Creates an empty database.
     *
     * @return its JDBC URL, with the user
     * @throws SQLException when the server refuses
     */
    public static String newDatabaseUrl() throws SQLException {
        String name = "journal" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(cluster.url("postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return cluster.url(name);
    }

    /** One running cluster; closed by JUnit after the last test. */
    static final class Cluster implements AutoCloseable {
        private final List<String> asOwner;
        private final Path bin;
        private final Path dir;
        private final int port;

        private Cluster(List<String> asOwner, Path bin, Path dir, int port) {
            this.asOwner = asOwner;
            this.bin = bin;
            this.dir = dir;
            this.port = port;
        }

        static Cluster start() throws IOException, InterruptedException {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("faultline-pg");
            List<String> asOwner = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                asOwner.addAll(List.of(runuser(), "-u", "postgres", "--"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Cluster c = new Cluster(asOwner, bin, dir, port);
            c.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "faultline",
                    "--auth=trust", "--locale=C", "-E", "UTF8", "--no-sync");
            c.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(c::close));
            return c;
        }

        private static Path binaries() {
            String env = System.getenv("FAULTLINE_PG_BIN");
            if (env != null && !env.isBlank()) {
                return Path.of(env);
            }
            Path root = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(root)) {
                try (Stream<Path> versions = Files.list(root)) {
                    Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                            .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                            .orElse(null);
                    if (newest != null) {
                        return newest.resolve("bin");
                    }
                } catch (IOException | NumberFormatException e) {
                    throw new IllegalStateException("Cannot list " + root, e);
                }
            }
            throw new IllegalStateException("No PostgreSQL server binaries: the JDBC journal's tests need a real "
                    + "server. Install the Debian package 'postgresql' (.ci/run does: apt-get install postgresql) "
                    + "or set FAULTLINE_PG_BIN to a directory holding initdb and pg_ctl.");
        }

        /** runuser lives in sbin, which a bare PATH (CI's, say) may lack: look there first. */
        private static String runuser() {
            for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, "runuser"))) {
                    return dir + "/runuser";
                }
            }
            return "runuser";
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=faultline";
        }

        private void run(String... command) throws IOException, InterruptedException {
            List<String> full = new ArrayList<>(asOwner);
            full.addAll(List.of(command));
            File log = dir.resolve("command.log").toFile();
            Process p = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("PostgreSQL set-up failed: " + String.join(" ", full) + "\n"
                        + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public synchronized void close() {
            if (!Files.exists(dir.resolve("data"))) {
                return;
            }
            try {
                run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("Stopping the test PostgreSQL failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                System.err.println("Deleting " + dir + " failed: " + e);
            }
        }
    }
}
