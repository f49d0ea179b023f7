package dev.nestsim.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.nestsim.security.SecurityProperties.Enforcement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** While the database is out of reach, a key checked lately is still accepted, an unknown one is not, and the admin key needs no database. */
class ApiKeyOutageTest {

    static final String ADMIN = "a-bootstrap-admin-key-of-32-characters-at-least";

    final ApiKeyRepository keys = mock(ApiKeyRepository.class);
    final MutableClock clock = new MutableClock();
    final SecurityProperties properties = new SecurityProperties(Enforcement.TRUE, ADMIN, Duration.ofSeconds(5), Duration.ofMinutes(10));
    final ApiKeyService service = new ApiKeyService(keys, new SecurityMode(properties, keys), properties, clock);

    @Test
    void aKeyCheckedLatelyIsAcceptedDuringAnOutageUntilTheGraceEnds() {
        String secret = Secrets.newSecret();
        ApiKeyEntity key = new ApiKeyEntity(UUID.randomUUID(), "ci", "team-a", Role.OPERATOR, Secrets.hash(secret), "nsk_", clock.instant());
        when(keys.findBySecretHashAndRevokedAtIsNull(Secrets.hash(secret))).thenReturn(Optional.of(key));
        assertThat(service.authenticate(secret)).map(Caller::tenant).contains("team-a");

        when(keys.findBySecretHashAndRevokedAtIsNull(anyString())).thenThrow(new DataAccessResourceFailureException("connection refused"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(service.authenticate(secret)).map(Caller::role).contains(Role.OPERATOR);
        assertThatThrownBy(() -> service.authenticate(Secrets.newSecret())).isInstanceOf(DataAccessResourceFailureException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> service.authenticate(secret)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(service.authenticate(ADMIN)).contains(Caller.ADMIN_KEY);
    }

    @Test
    void aKeyTheDatabaseRefusedIsNotRememberedAsValid() {
        String secret = Secrets.newSecret();
        ApiKeyEntity key = new ApiKeyEntity(UUID.randomUUID(), "ci", "team-a", Role.VIEWER, Secrets.hash(secret), "nsk_", clock.instant());
        when(keys.findBySecretHashAndRevokedAtIsNull(Secrets.hash(secret))).thenReturn(Optional.of(key), Optional.empty());
        assertThat(service.authenticate(secret)).isPresent();
        assertThat(service.authenticate(secret)).isEmpty();
        when(keys.findBySecretHashAndRevokedAtIsNull(anyString())).thenThrow(new DataAccessResourceFailureException("connection refused"));
        assertThatThrownBy(() -> service.authenticate(secret)).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void secretsAreLongRandomAndStoredAsTheirSha256() {
        String a = Secrets.newSecret();
        assertThat(a).startsWith("nsk_").hasSize(4 + 43).isNotEqualTo(Secrets.newSecret());
        assertThat(Secrets.hash(a)).hasSize(64).isNotEqualTo(a).isEqualTo(Secrets.hash(a));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
