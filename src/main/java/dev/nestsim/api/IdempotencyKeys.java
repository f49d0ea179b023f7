package dev.nestsim.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table: one row per key, written in the same transaction as the resource
 * the keyed request created, so a key is never remembered without its resource nor the other way round.
 * The primary key makes a concurrent duplicate fail instead of creating a second resource.
 */
@Repository
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Optional<StoredResponse> find(String key) {
        List<StoredResponse> rows = jdbc.query(
                "SELECT fingerprint, status, location, etag, content_type, body FROM idempotency_keys WHERE idempotency_key = ?",
                (rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                key);
        return rows.stream().findFirst();
    }

    /** Inserts the key; a concurrent insert of the same key fails with {@code DuplicateKeyException}. */
    void insert(String key, String method, String path, StoredResponse response) {
        jdbc.update("INSERT INTO idempotency_keys (idempotency_key, fingerprint, method, path, status, location, etag, content_type, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, response.fingerprint(), method, path, response.status(), response.location(), response.etag(),
                response.contentType(), response.body(), Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
    }

    /** Forgets keys older than the retention, every 10 minutes. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeExpired() {
        int purged = jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?",
                Timestamp.from(Instant.now(clock).minus(properties.retention())));
        if (purged > 0) {
            log.info("forgot {} idempotency keys older than {}", purged, properties.retention());
        }
    }
}
