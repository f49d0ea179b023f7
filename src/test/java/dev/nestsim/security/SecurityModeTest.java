package dev.nestsim.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.nestsim.security.SecurityProperties.Enforcement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The rule of nestsim.security.enabled, value by value. */
class SecurityModeTest {

    static final String ADMIN = "a-bootstrap-admin-key-of-32-characters-at-least";

    final ApiKeyRepository keys = mock(ApiKeyRepository.class);

    SecurityMode mode(Enforcement enabled, String adminKey) {
        return new SecurityMode(new SecurityProperties(enabled, adminKey, Duration.ofSeconds(5), Duration.ofMinutes(10)), keys);
    }

    @Test
    void trueIsClosedAndFalseIsOpenWhateverExists() {
        when(keys.count()).thenReturn(3L);
        SecurityMode off = mode(Enforcement.FALSE, ADMIN);
        off.lookForKeys();
        assertThat(off.enforced()).isFalse();
        when(keys.count()).thenReturn(0L);
        SecurityMode on = mode(Enforcement.TRUE, null);
        on.lookForKeys();
        assertThat(on.enforced()).isTrue();
    }

    @Test
    void autoIsClosedWithAnAdminKey() {
        assertThat(mode(Enforcement.AUTO, ADMIN).enforced()).isTrue();
    }

    @Test
    void autoIsOpenUntilAKeyExistsAnywhereThenClosedForGood() {
        SecurityMode auto = mode(Enforcement.AUTO, "");
        when(keys.count()).thenReturn(0L);
        auto.lookForKeys();
        assertThat(auto.enforced()).isFalse();
        when(keys.count()).thenReturn(1L);
        auto.lookForKeys();
        assertThat(auto.enforced()).isTrue();
        when(keys.count()).thenThrow(new DataAccessResourceFailureException("connection refused"));
        auto.lookForKeys();
        assertThat(auto.enforced()).isTrue();
    }

    @Test
    void autoStaysOpenWhileTheDatabaseCannotSay() {
        SecurityMode auto = mode(Enforcement.AUTO, null);
        when(keys.count()).thenThrow(new DataAccessResourceFailureException("connection refused"));
        auto.lookForKeys();
        assertThat(auto.enforced()).isFalse();
    }

    @Test
    void aShortAdminKeyIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mode(Enforcement.AUTO, "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
    }
}
