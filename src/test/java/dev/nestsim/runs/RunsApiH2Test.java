package dev.nestsim.runs;

import dev.nestsim.support.ApiTest;

/** The runs API on H2, the default database. */
@ApiTest
class RunsApiH2Test extends RunsApiContract {
}
