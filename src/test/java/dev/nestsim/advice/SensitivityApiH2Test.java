package dev.nestsim.advice;

import dev.nestsim.support.ApiTest;

/** Sensitivity analyses through the API on H2, the default database. */
@ApiTest
class SensitivityApiH2Test extends SensitivityApiContract {
}
