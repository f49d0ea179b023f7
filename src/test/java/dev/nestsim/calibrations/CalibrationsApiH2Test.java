package dev.nestsim.calibrations;

import dev.nestsim.support.ApiTest;

/** Calibrations through the API on H2, the default database. */
@ApiTest
class CalibrationsApiH2Test extends CalibrationsApiContract {
}
