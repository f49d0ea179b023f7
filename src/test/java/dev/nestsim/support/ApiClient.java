package dev.nestsim.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The API as a test speaks to it, through MockMvc (filters included). */
public final class ApiClient {

    public static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final MockMvcTester mvc;

    public ApiClient(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public MvcTestResult get(String path) {
        return mvc.get().uri(path).exchange();
    }

    public MvcTestResult post(String path, Object body, String... headers) {
        var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(String.valueOf(body));
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    public MvcTestResult put(String path, Object body, String ifMatch) {
        var request = mvc.put().uri(path).contentType(MediaType.APPLICATION_JSON).content(String.valueOf(body));
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).exchange();
    }

    public MvcTestResult patch(String path, Object body, String ifMatch) {
        var request = mvc.patch().uri(path).contentType(MERGE_PATCH).content(String.valueOf(body));
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).exchange();
    }

    public MvcTestResult delete(String path) {
        return mvc.delete().uri(path).exchange();
    }

    /** POSTs, expects 201, returns the new id. */
    public String create(String path, Object body) {
        MvcTestResult result = post(path, body);
        assertThat(result).as("POST %s %s -> %s", path, body, body(result)).hasStatus(201);
        return read(result, "$.id");
    }

    public String host(Body body) {
        return create("/api/v1/hosts", body);
    }

    public String hypervisor(Body body) {
        return create("/api/v1/hypervisors", body);
    }

    public String vm(Body body) {
        return create("/api/v1/vms", body);
    }

    /** How many resources of a kind exist (hosts, hypervisors, vms). */
    public long count(String resource) {
        MvcTestResult result = get("/api/v1/" + resource + "?size=1");
        assertThat(result).hasStatus(200);
        return ((Number) read(result, "$.totalElements")).longValue();
    }

    /** Counts of hosts/hypervisors/vms, for "nothing changed" assertions. */
    public String counts() {
        return count("hosts") + "/" + count("hypervisors") + "/" + count("vms");
    }

    public String etag(String path) {
        MvcTestResult result = get(path);
        assertThat(result).hasStatus(200);
        return result.getResponse().getHeader("ETag");
    }

    public static <T> T read(MvcTestResult result, String jsonPath) {
        return JsonPath.read(body(result), jsonPath);
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
