package dev.nestsim.provisioning.web;

import dev.nestsim.model.hardware.KernelGeneration;

/** Kernel generations as the API writes them: their names ({@code linux-4.18}), {@code null} kept as {@code null}. */
final class Kernels {

    /** Where the OpenAPI description defines the names, see {@link KernelGenerationSchema}. */
    static final String SCHEMA_REF = "#/components/schemas/KernelGeneration";

    private Kernels() {
    }

    /** The generation a name checked by {@link KnownKernel} stands for. */
    static KernelGeneration parse(String name) {
        return name == null ? null : KernelGeneration.byApiName(name).orElseThrow(() -> new IllegalArgumentException(
                "kernel must be one of " + KernelGeneration.allowedNames() + ", was \"" + name + "\""));
    }

    static String name(KernelGeneration kernel) {
        return kernel == null ? null : kernel.apiName();
    }
}
