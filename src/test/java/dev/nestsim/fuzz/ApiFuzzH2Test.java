package dev.nestsim.fuzz;

/** The fuzzer on H2, the default database: 5,000 requests ({@code -Dfuzz.requests=N} for another count). */
@FuzzedService
class ApiFuzzH2Test extends ApiFuzzContract {

    @Override
    int requests() {
        return Integer.getInteger("fuzz.requests", 5_000);
    }
}
