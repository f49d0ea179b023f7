package dev.nestsim.provisioning;

import dev.nestsim.support.ApiTest;

/** The provisioning API on H2, the default database. */
@ApiTest
class ProvisioningApiH2Test extends ProvisioningApiContract {
}
