package dev.nestsim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nestsim.client.ApiClient;
import nestsim.client.ApiException;
import nestsim.client.ApiResponse;
import nestsim.client.api.GuestHypervisorsApi;
import nestsim.client.api.HostsApi;
import nestsim.client.api.RunsApi;
import nestsim.client.api.VmsApi;
import nestsim.client.model.Host;
import nestsim.client.model.HostRequest;
import nestsim.client.model.Hypervisor;
import nestsim.client.model.HypervisorRequest;
import nestsim.client.model.Parent;
import nestsim.client.model.Problem;
import nestsim.client.model.Run;
import nestsim.client.model.RunRequest;
import nestsim.client.model.RunResult;
import nestsim.client.model.RunStatus;
import nestsim.client.model.RunTarget;
import nestsim.client.model.Vm;
import nestsim.client.model.VmPatch;
import nestsim.client.model.VmRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's flow through the Java client that openapi-generator makes from the committed {@code openapi/openapi.yaml}
 * (the Maven build generates it, library {@code native}, nothing skipped), against the application on a random port:
 * provision a host, an L1 guest hypervisor and an L2 VM, patch the VM partially, submit a run, poll it to a terminal
 * status, read the result and its CSV, and read an error as a problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GeneratedClientTest {

    static final Set<RunStatus> TERMINAL = Set.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED);

    @LocalServerPort
    int port;

    ApiClient client;

    @BeforeEach
    void pointTheClientAtTheService() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
    }

    @Test
    void theReadmeFlowWorksThroughTheGeneratedClient() throws Exception {
        String name = "gc-" + UUID.randomUUID().toString().substring(0, 8);
        Host host = new HostsApi(client).createHost(new HostRequest().name(name).profile("asplos20-testbed"), null);
        Hypervisor l1 = new GuestHypervisorsApi(client).createHypervisor(new HypervisorRequest().name(name + "-l1")
                .parent(new Parent().hostId(host.getId())).vcpus(6).memoryGib(24), null);
        VmsApi vms = new VmsApi(client);
        ApiResponse<Vm> created = vms.createVmWithHttpInfo(new VmRequest().name(name + "-l2")
                .parent(new Parent().hypervisorId(l1.getId())).vcpus(4).memoryGib(12), null);
        Vm vm = created.getData();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(vm.getLevel()).isEqualTo(2);

        Vm patched = vms.patchVm(vm.getId(), created.getHeaders().get("etag").get(0), new VmPatch().memoryGib(16));
        assertThat(patched.getMemoryGib()).isEqualTo(16);
        assertThat(patched.getName()).isEqualTo(vm.getName());
        assertThat(patched.getVcpus()).isEqualTo(4);
        assertThat(patched.getDvh()).isEqualTo(vm.getDvh());
        assertThat(patched.getVersion()).isGreaterThan(vm.getVersion());

        RunsApi runs = new RunsApi(client);
        Run submitted = runs.submitRun(new RunRequest().target(new RunTarget().vmId(vm.getId())).workload("device-notify")
                .replications(10).seed(42L), null);
        assertThat(submitted.getStatus()).isIn(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.SUCCEEDED);
        AtomicReference<Run> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> TERMINAL.contains(last.updateAndGet(r -> read(runs, submitted.getId())).getStatus()));
        assertThat(last.get().getStatus()).isEqualTo(RunStatus.SUCCEEDED);
        // a microbenchmark is analytic: one evaluation, whatever replications asked for
        assertThat(last.get().getProgress().getDone()).isEqualTo(1);

        RunResult result = runs.getRunResult(submitted.getId(), null);
        assertThat(result.getWorkload()).isEqualTo("device-notify");
        assertThat(result.getSeed()).isEqualTo(42L);
        assertThat(result.getLevel()).isEqualTo(2);
        assertThat(result.getMetrics()).isNotEmpty();
        assertThat(result.getPrimary().getMean()).isPositive();

        List<String> csv = csv(submitted.getId()).lines().toList();
        assertThat(csv.get(0)).startsWith("run_id,workload,");
        // the header, one row per metric, then normalizedToNative and (a microbenchmark's) cyclesVsNative
        assertThat(result.getCyclesVsNative()).isPositive();
        assertThat(csv).hasSize(1 + result.getMetrics().size() + 2);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> vms.createVm(new VmRequest().name(name + "-bad")
                .parent(new Parent().hypervisorId(l1.getId())).vcpus(0).memoryGib(12), null));
        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo("https://nestsim.dev/problems/invalid-request");
        assertThat(problem.getErrors()).anySatisfy(e -> assertThat(e.getField()).isEqualTo("vcpus"));
    }

    private static Run read(RunsApi runs, UUID id) {
        try {
            return runs.getRun(id);
        } catch (ApiException e) {
            throw new AssertionError("GET /api/v1/runs/" + id + " answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    /** The result as CSV, over the generated client's own HTTP client and base URI (its typed call reads JSON). */
    private String csv(UUID run) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/v1/runs/" + run + "/result?format=csv"))
                .header("Accept", "text/csv").GET().build();
        HttpResponse<String> response = client.getHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        return response.body();
    }
}
