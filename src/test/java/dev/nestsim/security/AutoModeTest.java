package dev.nestsim.security;

import static dev.nestsim.support.ApiClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code nestsim.security.enabled=auto} (the postgres profile's), with no admin key: open, and saying so, until the first key
 * is issued; from then on closed, for good.
 */
@ApiTest
@TestPropertySource(properties = {"nestsim.security.enabled=auto", "nestsim.security.admin-key=",
        "spring.datasource.url=jdbc:h2:mem:nestsim-security-auto;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
class AutoModeTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void openUntilTheFirstKeyIsIssuedThenClosed() {
        assertThat(mvc.get().uri("/api/v1/hosts").exchange()).hasStatus(200);
        assertThat(mvc.get().uri("/actuator/info").exchange()).hasStatus(200).bodyJson().extractingPath("$.security.mode").isEqualTo("open");

        MvcTestResult issued = mvc.post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
                .content(Body.of("name", "first-admin", "tenant", "default", "role", "admin").toString()).exchange();
        assertThat(issued).hasStatus(201);
        String secret = read(issued, "$.secret");

        assertThat(mvc.get().uri("/api/v1/hosts").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/info").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatus(200);
        assertThat(mvc.get().uri("/api/v1/hosts").header("Authorization", "Bearer " + secret).exchange()).hasStatus(200);
        assertThat(mvc.get().uri("/actuator/info").header("Authorization", "Bearer " + secret).exchange()).hasStatus(200)
                .bodyJson().extractingPath("$.security.mode").isEqualTo("enforced");
    }
}
