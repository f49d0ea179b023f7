package dev.nestsim.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of a test's own, which the test may stop and start at will: {@code initdb} into a fresh
 * directory under {@code /tmp}, {@code pg_ctl} on a free port of 127.0.0.1 (never the shared server on 5432), trust
 * authentication, run as the {@code postgres} user (the server refuses to run as root). {@link #available()} says whether
 * this machine can make one: the binaries of {@code /usr/lib/postgresql/15/bin} (or {@code NESTSIM_TEST_PG_BIN}) and, when
 * the test runs as root, {@code runuser}.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("NESTSIM_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final Path RUNUSER = Path.of("/usr/sbin/runuser");
    private static final String OWNER = "postgres";
    private static final long COMMAND_SECONDS = 60;

    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether the PostgreSQL binaries are here (and, as root, a way to run them as {@code postgres}). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"))
                && (!isRoot() || Files.isExecutable(RUNUSER));
    }

    /** Creates the cluster, starts it and creates the database {@code nestsim}. */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("nestsim-pg-");
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, freePort());
        if (isRoot()) {
            run(List.of("chown", "-R", OWNER, dir.toString()));
        }
        pg.pg("initdb", "-D", pg.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        pg.startServer();
        pg.admin("CREATE DATABASE nestsim");
        return pg;
    }

    /** The JDBC URL of its database {@code nestsim}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/nestsim";
    }

    public String username() {
        return "postgres";
    }

    /** Starts the server again after {@link #crash()} (or a first start), waiting until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " -c shared_buffers=16MB"
                        + " -c max_connections=40", "start");
    }

    /** Stops the server at once, as a crash would ({@code pg_ctl stop -m immediate}): every connection breaks. */
    public void crash() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data(), "-w", "-t", "60", "-m", "immediate", "stop");
    }

    /** The server's log, for failure messages. */
    public String log() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the server if it runs and deletes the cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                crash();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void admin(String sql) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IOException("the throwaway PostgreSQL on port " + port + " refused " + sql + ": " + e.getMessage(), e);
        }
    }

    private void pg(String binary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of(RUNUSER.toString(), "-u", OWNER, "--"));
        }
        command.add(BIN.resolve(binary).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n" + new String(output));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
