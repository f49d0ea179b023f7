package dev.nestsim.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The application in a child JVM, as an operator runs it: its own working directory (so {@code ./data} is
 * fresh), its own free port, the test's classpath. Start it, talk HTTP to it, {@link #kill9()} it (SIGKILL on
 * Linux) and {@link #restart()} it on the same data. Waiting is a bounded health poll.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a start may take; startup takes 6 to 20 s on two cores. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path workDir;
    private final int port;
    private final List<String> args;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    private ServiceProcess(Path workDir, int port, List<String> args) {
        this.workDir = workDir;
        this.port = port;
        this.args = List.copyOf(args);
    }

    /** Starts the service in {@code workDir} with extra Spring Boot arguments, and waits until it is healthy. */
    public static ServiceProcess start(Path workDir, String... springArgs) throws IOException {
        ServiceProcess service = new ServiceProcess(workDir, freePort(), List.of(springArgs));
        service.launch();
        return service;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path workDir() {
        return workDir;
    }

    /** Ends the JVM at once, as {@code kill -9} would: no shutdown hook, no graceful shutdown. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the JVM gracefully (SIGTERM). */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Starts it again on the same port and data, after a {@link #kill9()} or {@link #stop()}. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("still running: stop or kill it first");
        }
        launch();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON, with header name/value pairs. */
    public HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service's output so far, for failure messages. */
    public String log() throws IOException {
        Path log = workDir.resolve("service-" + starts + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private void launch() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.nestsim.NestsimApplication", "--server.port=" + port));
        command.addAll(args);
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("service-" + starts + ".log").toFile()).start();
        awaitHealthy();
    }

    private void awaitHealthy() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " at start:\n" + tail());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the service", e);
            }
            pause();
        }
        throw new IllegalStateException("the service was not healthy within " + START_TIMEOUT + ":\n" + tail());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() throws IOException {
        String log = log();
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
