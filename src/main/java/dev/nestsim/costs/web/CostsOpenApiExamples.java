package dev.nestsim.costs.web;

import dev.nestsim.costs.CascadeService;
import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.exits.ExitCostTable;
import dev.nestsim.model.exits.GuestEvent;
import dev.nestsim.model.hardware.HostProfiles;
import dev.nestsim.model.topology.DvhMechanism;
import dev.nestsim.model.topology.GuestHypervisor;
import dev.nestsim.model.topology.Host;
import dev.nestsim.model.topology.HypervisorSettings;
import dev.nestsim.model.topology.IoModel;
import dev.nestsim.model.topology.LeafVm;
import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.ViommuMode;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a real trace into the OpenAPI description: the exit-costs example is what the engine computes for an L3
 * VM's hypercall on the paper's testbed (Linux 4.18, 10 CPUs online, baseline: virtio, no DVH), with its exit profile,
 * so the documentation cannot drift from the model.
 */
@Configuration(proxyBeanMethods = false)
class CostsOpenApiExamples {

    /** Trace nodes in the example: enough to show the L0 reflection, L1's forwarding and L2's handler. */
    static final int EXAMPLE_TRACE_NODES = 40;

    @Bean
    @Order(0)
    OpenApiCustomizer exitCostExamples() {
        return openApi -> {
            var path = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/vms/{id}/exit-costs");
            if (path == null || path.getGet() == null) {
                return;
            }
            ApiResponse ok = path.getGet().getResponses().get("200");
            MediaType json = ok.getContent() == null ? null : ok.getContent().get("application/json");
            if (json != null) {
                json.setExample(l3HypercallExample());
            }
        };
    }

    /** The response body, as a plain map, for an L3 baseline VM's HYPERCALL with its trace. */
    static Object l3HypercallExample() {
        Path path = paperL3Baseline();
        CascadeEngine engine = CascadeEngine.reference();
        ExitCostTable table = engine.table(path);
        var costed = new CascadeService.Costed(table.leaf(GuestEvent.HYPERCALL),
                engine.trace(table, 3, GuestEvent.HYPERCALL, EXAMPLE_TRACE_NODES));
        double clock = path.host().hardware().clockGhz();
        ExitCostsResponse response = new ExitCostsResponse(UUID.fromString("00000000-0000-4000-8000-000000000003"), 3, clock,
                List.of(ExitCostResponse.of(costed, clock)));
        JsonMapper mapper = JsonMapper.builder().build();
        return mapper.readValue(mapper.writeValueAsString(response), Map.class);
    }

    static Path paperL3Baseline() {
        Set<DvhMechanism> all = EnumSet.allOf(DvhMechanism.class);
        Host host = new Host("tb-l3-base", HostProfiles.ASPLOS20_TESTBED.hardware(),
                HypervisorSettings.KVM_DEFAULTS.withDvh(all).withKernel(HostProfiles.ASPLOS20_TESTBED.defaultKernel()), 10);
        List<GuestHypervisor> hypervisors = List.of(
                new GuestHypervisor("l1-base3", 8, 36, HypervisorSettings.KVM_DEFAULTS, ViommuMode.OFF),
                new GuestHypervisor("l2-base3", 6, 24, HypervisorSettings.KVM_DEFAULTS, ViommuMode.OFF));
        return Path.toLeaf(host, hypervisors, new LeafVm("l3-base", 4, 12, IoModel.VIRTIO, Set.of(), true));
    }
}
