package dev.nestsim.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on an H2 database of its own (the other test contexts share {@code nestsim-test}:
 * their JobRunr servers would take each other's jobs, and their runs would change what the fuzzer compares), with cheap runs
 * for the fuzzer: at most 2 replications, 20 queued, one running; no advice search (an accepted advice would create its
 * experiment and runs seconds later, under a later refused request); no sensitivity computation (an accepted analysis would
 * simulate for minutes beside the rest of the suite). The fuzz test and its regression cases share this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nestsim-fuzz;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "nestsim.runs.max-replications=2",
        "nestsim.runs.max-queued=20", "nestsim.runs.max-running=1", "nestsim.advice.search=false",
        "nestsim.sensitivity.compute=false"})
@ActiveProfiles("test")
@interface FuzzedService {
}
