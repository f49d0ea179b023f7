package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** JobRunr's dashboard, when turned on, answers on 127.0.0.1 and on no other address; JobRunr's own all-interfaces server is refused. */
class LoopbackDashboardTest {

    @Test
    void theDashboardAnswersOnLoopbackAndOnNoOtherAddress() throws Exception {
        int port = freePort();
        LoopbackDashboard dashboard = new LoopbackDashboard(storage(), new Jackson3JsonMapper(), properties(port), new MockEnvironment());
        dashboard.start();
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dashboard/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Optional<InetAddress> other = anotherAddressOfThisMachine();
            assumeThat(other).as("a non-loopback address to try").isPresent();
            assertThat(accepts(other.get(), port)).as("listening on %s", other.get()).isFalse();
        } finally {
            dashboard.stop();
        }
    }

    @Test
    void jobRunrsOwnDashboardOnEveryInterfaceIsRefused() {
        MockEnvironment environment = new MockEnvironment().withProperty("jobrunr.dashboard.enabled", "true");

        assertThatThrownBy(() -> new LoopbackDashboard(storage(), new Jackson3JsonMapper(), properties(8000), environment))
                .hasMessageContaining("nestsim.runs.dashboard.enabled");
    }

    private static InMemoryStorageProvider storage() {
        InMemoryStorageProvider storage = new InMemoryStorageProvider();
        storage.setJobMapper(new JobMapper(new Jackson3JsonMapper()));
        return storage;
    }

    private static RunsProperties properties(int port) {
        return new RunsProperties(100, 0, 1000, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(10), null, false, new RunsProperties.Dashboard(true, port));
    }

    private static Optional<InetAddress> anotherAddressOfThisMachine() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
