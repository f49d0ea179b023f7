package dev.nestsim.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the fuzzer found, kept as cases over a real socket (MockMvc does not parse multipart bodies as Tomcat does). */
@FuzzedService
class FuzzFindingsTest {

    @LocalServerPort
    int port;

    /** Was a 500 on every path: the multipart resolver failed to parse a multipart Content-Type without a boundary. */
    @ParameterizedTest(name = "{0} {1} with Content-Type {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/hosts                                      | multipart/form-data            | 200
            GET  | /api/v1/host-profiles                              | multipart/mixed; boundary=     | 200
            GET  | /api/v1/runs/00000000-0000-0000-0000-000000000000  | multipart/form-data            | 404
            POST | /api/v1/hosts                                      | multipart/form-data            | 415
            POST | /api/v1/hosts                                      | multipart/form-data; boundary=x | 415
            """)
    void aMultipartContentTypeIsNeverA500(String method, String path, String contentType, int status) throws IOException {
        byte[] body = method.equals("POST") ? "{\"name\":\"x\",\"profile\":\"asplos20-testbed\"}".getBytes(StandardCharsets.UTF_8) : null;
        RawHttp.Response response = RawHttp.send(port, new FuzzRequest("finding", "content-type", method, path,
                Map.of("Content-Type", contentType, "Accept", "application/json"), body));

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
