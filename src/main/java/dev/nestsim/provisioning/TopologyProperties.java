package dev.nestsim.provisioning;

import dev.nestsim.model.topology.Path;
import dev.nestsim.model.topology.TopologyRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nestsim.topology.*}.
 *
 * @param maxDepth the deepest level a leaf VM may run at, 1 to {@value Path#HARD_MAX_DEPTH} (default
 *                 {@value TopologyRules#DEFAULT_MAX_DEPTH}); a guest hypervisor may be at most one level above it
 */
@Validated
@ConfigurationProperties("nestsim.topology")
public record TopologyProperties(@Min(1) @Max(Path.HARD_MAX_DEPTH) @DefaultValue("5") int maxDepth) {
}
