package dev.nestsim.runs;

import dev.nestsim.model.exits.CascadeEngine;
import dev.nestsim.model.workload.WorkloadRunner;
import dev.nestsim.model.workload.Workloads;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workloads runs may use: the model's standard catalogue, plus the diagnostic workloads when enabled. */
@Configuration(proxyBeanMethods = false)
class WorkloadCatalogue {

    @Bean
    Workloads workloads(RunsProperties properties) {
        Workloads standard = Workloads.standard(CascadeEngine.reference());
        if (!properties.diagnosticWorkload()) {
            return standard;
        }
        return standard.plus(List.<WorkloadRunner>of(new DiagnosticWorkload(), new DiagnosticOutOfMemory()));
    }
}
