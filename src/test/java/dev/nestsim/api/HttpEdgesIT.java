package dev.nestsim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges only a real Tomcat has, spoken to over raw sockets as a hostile client would: what Tomcat refuses before any
 * servlet (malformed request lines, headers and paths) and the malformed queries it throws on are problems, never HTML
 * or a 500; a body above the limit is refused from its Content-Length before any of it is sent or read; slow uploads
 * never take every request thread.
 */
class HttpEdgesIT {

    @TempDir
    static Path dir;

    static ServiceProcess service;

    @BeforeAll
    static void start() throws IOException {
        service = ServiceProcess.start(dir, "--nestsim.http.body-timeout=3s");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage request line        | 400 | GARBAGE
            control character in path   | 400 | GET /api/v1/ho\u0001sts HTTP/1.1
            malformed escape in path    | 400 | GET /api/v1/hosts/%zz HTTP/1.1
            NUL in path                 | 400 | GET /api/v1/hosts/%00 HTTP/1.1
            encoded slash in path       | 400 | GET /api/v1/hosts%2F1 HTTP/1.1
            backslash in path           | 400 | GET /api/v1\\hosts HTTP/1.1
            parameter without a name    | 400 | GET /api/v1/hosts?=1 HTTP/1.1
            malformed escape in query   | 400 | GET /api/v1/hosts?name=%zz HTTP/1.1
            truncated escape in query   | 400 | GET /api/v1/runs?status=% HTTP/1.1
            escape in a parameter name  | 400 | GET /api/v1/metrics?%zz=1 HTTP/1.1
            not UTF-8 in query          | 400 | GET /api/v1/vms?name=%C3 HTTP/1.1
            NUL in query                | 400 | GET /api/v1/hypervisors?name=%00 HTTP/1.1
            offset beyond 2^31 - 1      | 400 | GET /api/v1/hosts?page=2147483647&size=100 HTTP/1.1
            the error path itself       | 404 | GET /error HTTP/1.1
            unsupported HTTP version    | 505 | GET /api/v1/hosts HTTP/9.9
            """)
    void aRequestTomcatOrTheQueryRefusesIsAProblem(String label, int status, String requestLine) throws IOException {
        Reply reply = exchange(requestLine + "\r\nHost: nestsim\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).as("%s: %s", label, reply).isEqualTo(status);
        assertThat(reply.header("content-type")).as(label).startsWith("application/problem+json");
        assertThat(reply.body()).as(label).contains("\"type\":\"https://nestsim.dev/problems/").contains("\"status\":" + status)
                .doesNotContain("<html").doesNotContain("Exception").doesNotContain("Tomcat");
    }

    @Test
    void aHeaderTomcatCannotParseIsAProblem() throws IOException {
        Reply reply = exchange("GET /api/v1/hosts HTTP/1.1\r\nHost: nestsim\r\nBad Header: x\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aBodyAboveTheLimitIsRefusedFromItsContentLengthWithoutBeingSent() throws IOException {
        long before = System.nanoTime();
        Reply reply = exchange("POST /api/v1/hosts HTTP/1.1\r\nHost: nestsim\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.body()).contains("\"type\":\"https://nestsim.dev/problems/payload-too-large\"").contains("1048576 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aChunkedBodyIsCutOffWithA413OnceItPassesTheLimit() throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(("POST /api/v1/hosts HTTP/1.1\r\nHost: nestsim\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("{\"name\":\"" + "x".repeat(65_000)).getBytes(StandardCharsets.US_ASCII);
            Reply reply = null;
            for (int i = 0; i < 40 && reply == null; i++) {
                try {
                    socket.getOutputStream().write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(chunk);
                    socket.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheService) {
                    reply = read(socket);
                }
                chunk = "x".repeat(65_000).getBytes(StandardCharsets.US_ASCII);
            }
            reply = reply == null ? read(socket) : reply;

            assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
            assertThat(reply.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void slowUploadsNeverHoldEveryThreadAndEachEndsWithAProblem() throws IOException, InterruptedException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket socket = open();
                socket.getOutputStream().write(("POST /api/v1/hosts HTTP/1.1\r\nHost: nestsim\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }

            long before = System.nanoTime();
            HttpResponse<String> health = service.get("/actuator/health");
            HttpResponse<String> hosts = service.get("/api/v1/hosts?size=1");
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(hosts.statusCode()).isEqualTo(200);
            assertThat(took).as("reads answer while 60 uploads trickle").isLessThan(Duration.ofSeconds(3));
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Socket socket : slow) {
                Reply reply = read(socket);
                assertThat(reply.header("content-type")).as(reply.toString()).startsWith("application/problem+json");
                statuses.merge(reply.status(), 1, Integer::sum);
            }
            assertThat(statuses).as("24 uploads at once (nestsim.http.max-uploads): the others are told to retry, the slow ones time out")
                    .containsOnlyKeys(408, 503);
            assertThat(statuses.get(408)).isLessThanOrEqualTo(24);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** A response as read off the socket. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private static Reply exchange(String request) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return read(socket);
        }
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket(service.base().getHost(), service.base().getPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Reads one response: status line, headers, and the body up to Content-Length, the last chunk or the end of the stream. */
    private static Reply read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException endedOrReset) {
            // what was read is the reply
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        return new Reply(status, headers, end < 0 ? "" : text.substring(end + 4));
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int eol = head.indexOf("\r\n", length);
            long declared = Long.parseLong(head.substring(length + 15, eol < 0 ? head.length() : eol).trim());
            return text.length() - end - 4 >= declared;
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }
}
