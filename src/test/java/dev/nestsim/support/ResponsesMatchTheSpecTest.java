package dev.nestsim.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** The check every API test's responses go through fails on each kind of mismatch, and lets a matching answer by. */
class ResponsesMatchTheSpecTest {

    static final ResponsesMatchTheSpec CHECK = new ResponsesMatchTheSpec();
    static final String HOST = "/api/v1/hosts/00000000-0000-4000-8000-000000000001";

    @Test
    void aProblemThatMatchesItsStatusPasses() {
        assertThatCode(() -> CHECK.handle(result("GET", HOST, 404, "application/problem+json", """
                {"type":"https://nestsim.dev/problems/not-found","title":"No such resource","status":404,
                 "detail":"no host with id 00000000-0000-4000-8000-000000000001","instance":"%s"}""".formatted(HOST))))
                .doesNotThrowAnyException();
    }

    @Test
    void aBodyThatBreaksItsSchemaFailsNamingTheMember() {
        assertThatThrownBy(() -> CHECK.handle(result("GET", HOST, 404, "application/problem+json", """
                {"type":"https://nestsim.dev/problems/not-found","title":"No such resource","status":"404"}""")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/status");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> CHECK.handle(result("GET", HOST, 418, "application/problem+json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status 418 is not documented");
    }

    @Test
    void anUndocumentedContentTypeFails() {
        assertThatThrownBy(() -> CHECK.handle(result("GET", HOST, 404, "text/plain", "no such host")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("content type text/plain").hasMessageContaining("is not documented");
    }

    @Test
    void aMissingRequiredHeaderFails() {
        assertThatThrownBy(() -> CHECK.handle(result("GET", HOST, 200, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("header ETag is required and missing");
    }

    @Test
    void requestsOutsideTheContractAreNotChecked() {
        assertThatCode(() -> CHECK.handle(result("GET", "/swagger-ui/index.html", 200, "text/html", "<html>"))).doesNotThrowAnyException();
        assertThatCode(() -> CHECK.handle(result("TRACE", HOST, 405, "application/problem+json", "{}"))).doesNotThrowAnyException();
    }

    private static MvcResult result(String method, String uri, int status, String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length());
        try {
            response.getWriter().write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MvcResult result = mock(MvcResult.class);
        when(result.getRequest()).thenReturn(request);
        when(result.getResponse()).thenReturn(response);
        return result;
    }
}
