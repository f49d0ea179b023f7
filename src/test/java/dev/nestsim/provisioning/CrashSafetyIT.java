package dev.nestsim.provisioning;

import static dev.nestsim.support.Body.aDvhHost;
import static dev.nestsim.support.Body.aHypervisorOnHost;
import static dev.nestsim.support.Body.aVmIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A create that answered 201 survives {@code kill -9} on the default H2 database ({@code WRITE_DELAY=0}), and
 * so does its idempotency key: the service is started as a child JVM in a fresh directory, killed right after
 * its last answer, and started again on the same data.
 */
class CrashSafetyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path workDir;

    @Test
    void everythingConfirmedBeforeAKill9IsThereAfterTheRestart() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workDir)) {
            String key = UUID.randomUUID().toString();
            String host = id(service.post("/api/v1/hosts", aDvhHost("crash").toString(), "Idempotency-Key", key));
            String hv = id(service.post("/api/v1/hypervisors", aHypervisorOnHost("crash-l1", host).toString()));
            List<String> vms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                vms.add(id(service.post("/api/v1/vms", aVmIn("crash-vm" + i, hv).with("vcpus", 1).with("memoryGib", 1).toString())));
            }

            service.kill9();
            service.restart();

            assertThat(service.get("/api/v1/hosts/" + host).statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/hypervisors/" + hv).statusCode()).isEqualTo(200);
            for (String vm : vms) {
                assertThat(service.get("/api/v1/vms/" + vm).statusCode()).as("VM %s after kill -9", vm).isEqualTo(200);
            }
            assertThat(JSON.readTree(service.get("/api/v1/vms?hostId=" + host).body()).get("totalElements").asInt()).isEqualTo(5);
            HttpResponse<String> replay = service.post("/api/v1/hosts", aDvhHost("crash").toString(), "Idempotency-Key", key);
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(id(replay)).isEqualTo(host);
            assertThat(service.workDir().resolve("data")).isDirectory();
        }
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }
}
