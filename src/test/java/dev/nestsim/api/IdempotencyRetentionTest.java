package dev.nestsim.api;

import static dev.nestsim.support.Body.aHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Keys are forgotten after the retention (24 h by default), and not before. */
@ApiTest
class IdempotencyRetentionTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyProperties properties;

    @Test
    void aKeyOlderThanTheRetentionIsPurgedAndAYoungerOneKept() {
        String key = UUID.randomUUID().toString();
        assertThat(new ApiClient(mvc).post("/api/v1/hosts", aHost("kept-a-day"), "Idempotency-Key", key)).hasStatus(201);
        Instant now = Instant.now();

        keysAt(now.plus(properties.retention()).minus(Duration.ofMinutes(5))).purgeExpired();
        assertThat(stored(key)).isEqualTo(1);

        keysAt(now.plus(properties.retention()).plus(Duration.ofMinutes(5))).purgeExpired();
        assertThat(stored(key)).isZero();
    }

    private IdempotencyKeys keysAt(Instant instant) {
        return new IdempotencyKeys(jdbc, Clock.fixed(instant, ZoneOffset.UTC), properties);
    }

    private int stored(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?", Integer.class, key);
    }
}
