package dev.nestsim.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The embedded default ({@code nestsim.security.enabled=false}): open, as before, and on loopback only. */
@ApiTest
class OpenModeTest {

    @Autowired
    MockMvcTester mvc;

    @Value("${server.address}")
    String address;

    @Test
    void everyRequestIsTheDefaultTenantsAdminWithoutAKey() {
        ApiClient api = new ApiClient(mvc);
        String host = api.host(Body.aHost("open-mode-host"));
        assertThat(api.get("/api/v1/hosts/" + host)).hasStatus(200);
        assertThat(api.get("/actuator/info")).hasStatus(200).bodyJson().extractingPath("$.security.mode").isEqualTo("open");
        assertThat(mvc.get().uri("/api/v1/hosts/" + host).header("Authorization", "Bearer nsk_whatever").exchange()).hasStatus(200);
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertThat(address).isEqualTo("127.0.0.1");
    }
}
