package dev.nestsim.experiments;

import dev.nestsim.support.ApiTest;

/** The experiments API on H2, the default database. */
@ApiTest
class ExperimentsApiH2Test extends ExperimentsApiContract {
}
