package dev.nestsim.api;

import static dev.nestsim.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiClient;
import dev.nestsim.support.ApiTest;
import dev.nestsim.support.Body;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The edges of every request, through the whole filter chain: the query string is checked before anything reads it, a
 * body above the limit is a 413, {@code /error} is a problem too, and a refused value is echoed once, truncated.
 * ({@code HttpEdgesIT} does the same against a real Tomcat, over sockets.)
 */
@ApiTest
class RequestEdgesTest {

    @Autowired
    MockMvcTester mvc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(mvc);
    }

    @ParameterizedTest(name = "{0}: ?{1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            parameter without a name   | =1                | query-syntax          | ``
            only empty names           | =&=               | query-syntax          | ``
            malformed escape           | name=%zz          | percent-encoding      | name
            truncated escape           | name=%4           | percent-encoding      | name
            lone percent               | name=%            | percent-encoding      | name
            escape in a name           | %zz=1             | percent-encoding      | ``
            not UTF-8                  | name=%C3          | utf-8                 | name
            NUL                        | name=%00          | no-control-characters | name
            newline                    | name=a%0Ab        | no-control-characters | name
            """)
    void aMalformedQueryIsA400NamingTheRule(String label, String query, String rule, String field) {
        MvcTestResult result = mvc.get().uri("/api/v1/hosts").with(request -> {
            request.setQueryString(query);
            return request;
        }).exchange();

        assertThat(result).as(label).hasStatus(400).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].rule").isEqualTo(rule);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/nope", "/api/v1/hosts/x/y/z", "/nothing-here", "/api/v2/hosts"})
    void anUnknownPathIsA404ProblemInOurOwnWords(String path) {
        MvcTestResult result = api.get(path);

        assertThat(result).hasStatus(404).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.NOT_FOUND.uri().toString());
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("nothing is at '" + path + "': the API is under /api/v1")
                .doesNotContain("static resource");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(path);
    }

    @Test
    void aWellFormedQueryPasses() {
        MvcTestResult result = mvc.get().uri("/api/v1/hosts").param("name", "é ü").with(request -> {
            request.setQueryString("name=%C3%A9+%C3%BC&&size=5");
            return request;
        }).exchange();

        assertThat(result).hasStatus(200);
    }

    @Test
    void aPageWhoseOffsetPassesTwoToThe31IsA400AndTheLastPageThatFitsIsServed() {
        MvcTestResult beyond = api.get("/api/v1/runs?page=" + (PageResponse.MAX_PAGE + 1) + "&size=1");

        assertThat(beyond).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        for (String list : new String[] {"hosts", "hypervisors", "vms", "runs", "metrics"}) {
            assertThat(api.get("/api/v1/" + list + "?page=2147483647&size=100")).as(list).hasStatus(400);
            assertThat(api.get("/api/v1/" + list + "?page=" + PageResponse.MAX_PAGE + "&size=" + PageResponse.MAX_SIZE)).as(list).hasStatus(200);
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsA404Problem() {
        for (MvcTestResult result : new MvcTestResult[] {mvc.get().uri("/error").exchange(), mvc.post().uri("/error").exchange()}) {
            assertThat(result).hasStatus(404).hasContentType("application/problem+json");
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.BASE + "not-found");
        }
    }

    @Test
    void aBodyAboveOneMebibyteIsA413ProblemAndCreatesNothing() {
        String before = api.counts();
        String json = Body.aHost("big").with("padding", "x".repeat(1024 * 1024)).toString();

        MvcTestResult result = api.post("/api/v1/hosts", json);

        assertThat(result).hasStatus(413).hasContentType("application/problem+json").hasHeader("Connection", "close");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.BASE + "payload-too-large");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String json = Body.aHost("padded").toString();
        String padded = json.substring(0, json.length() - 1) + " ".repeat(1024 * 1024 - json.length()) + "}";

        assertThat(api.post("/api/v1/hosts", padded)).hasStatus(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a name               | name
            a profile            | profile
            """)
    void aHugeRefusedValueIsEchoedOnceAndTruncated(String label, String field) {
        String huge = "y".repeat(900_000);

        MvcTestResult result = api.post("/api/v1/hosts", Body.aHost("echo").with(field, huge));

        assertThat(result).hasStatus(400);
        String answer = body(result);
        assertThat(answer.length()).as(label).isLessThan(2_000);
        assertThat(occurrences(answer, "y".repeat(Echo.MAX_CHARS))).as("%s echoed once: %s", label, answer).isEqualTo(1);
        assertThat(answer).contains("(900000 characters)");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().doesNotContain("yyyy");
    }

    @Test
    void aQueryValueIsEchoedTruncatedToo() {
        String vm = api.vm(Body.aVmOnHost("query-echo", api.host(Body.aHost("query-echo-host"))));

        MvcTestResult result = api.get("/api/v1/vms/" + vm + "/exit-costs?event=" + "Q".repeat(5_000));

        assertThat(result).hasStatus(400);
        assertThat(body(result).length()).isLessThan(2_000);
        assertThat(occurrences(body(result), "Q".repeat(Echo.MAX_CHARS))).isEqualTo(1);
    }

    @Test
    void aNumberForAnEnumIsRefusedNotReadAsTheNthConstant() {
        MvcTestResult result = api.post("/api/v1/hosts", "{\"name\":\"n\",\"profile\":\"asplos20-testbed\",\"timerOffload\":1}");

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/timerOffload");
    }

    @Test
    void aJsonBodyWithoutContentLengthIsStillBounded() {
        MvcTestResult result = mvc.post().uri("/api/v1/hosts").contentType(MediaType.APPLICATION_JSON)
                .content(Body.aHost("chunked").with("padding", "x".repeat(2 * 1024 * 1024)).toString())
                .with(request -> {
                    request.removeHeader("Content-Length");
                    request.addHeader("Transfer-Encoding", "chunked");
                    return new ContentLengthHidden(request);
                }).exchange();

        assertThat(result).hasStatus(413).hasContentType("application/problem+json");
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A request that does not say how long its body is, as a chunked upload does not. */
    private static final class ContentLengthHidden extends org.springframework.mock.web.MockHttpServletRequest {
        ContentLengthHidden(org.springframework.mock.web.MockHttpServletRequest original) {
            super(original.getServletContext(), original.getMethod(), original.getRequestURI());
            setContent(original.getContentAsByteArray());
            setContentType(original.getContentType());
            addHeader("Transfer-Encoding", "chunked");
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }
}
