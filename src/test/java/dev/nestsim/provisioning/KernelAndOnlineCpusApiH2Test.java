package dev.nestsim.provisioning;

import dev.nestsim.support.ApiTest;

/** Kernel generations and online CPUs through the API on H2, the default database. */
@ApiTest
class KernelAndOnlineCpusApiH2Test extends KernelAndOnlineCpusApiContract {
}
