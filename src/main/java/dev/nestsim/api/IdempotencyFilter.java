package dev.nestsim.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every {@code POST} under {@code /api/v1}, whatever the endpoint.
 *
 * <p>A keyed request runs in one transaction with the row that remembers its key: the resource and the
 * key are committed together or not at all. A retry with the same key, method, path and (canonical JSON)
 * body gets the first response again, status, {@code Location}, {@code ETag} and body, with
 * {@code Idempotent-Replayed: true}, and creates nothing. The same key with a different request is a 422.
 * Two concurrent requests with one key both run, but the key's primary key lets only one commit; the
 * other is rolled back and answered with the winner's response. Only 2xx responses are remembered, so a
 * request refused as invalid may be retried with the same key once fixed.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /**
     * The request attribute naming whose keys these are (the caller's tenant, set by the security filter chain): the
     * same key sent by two tenants is two keys. Absent, the key is the default tenant's.
     */
    public static final String SCOPE_ATTRIBUTE = "dev.nestsim.idempotency-scope";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final JsonMapper problemWriter;
    private final IdempotencyProperties properties;
    private final JsonMapper canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transactions, JsonMapper mapper, IdempotencyProperties properties) {
        this.keys = keys;
        this.transactions = transactions;
        this.problemWriter = mapper;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            writeProblem(request, response, HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, for example a UUID");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            writeProblem(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    "a request with an Idempotency-Key may have at most " + properties.maxBodyBytes() + " bytes of body");
            return;
        }
        String fingerprint = fingerprint(request, body);
        String stored = scoped(request, key);
        Optional<StoredResponse> earlier = keys.find(stored);
        if (earlier.isPresent()) {
            replayOrRefuse(earlier.get(), fingerprint, request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            runKeyed(stored, fingerprint, new CachedBodyRequest(request, body), captured, chain);
        } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
            response.reset();
            Optional<StoredResponse> winner = keys.find(stored);
            if (winner.isPresent()) {
                replayOrRefuse(winner.get(), fingerprint, request, response);
            } else {
                writeProblem(request, response, HttpStatus.CONFLICT, ProblemType.IDEMPOTENCY_KEY_IN_USE,
                        "another request with Idempotency-Key " + key + " is in progress: retry shortly");
            }
            return;
        }
        captured.copyBodyToResponse();
    }

    private void runKeyed(String key, String fingerprint, HttpServletRequest request, ContentCachingResponseWrapper response,
                          FilterChain chain) throws ServletException, IOException {
        try {
            transactions.executeWithoutResult(tx -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                int status = response.getStatus();
                if (status >= 200 && status < 300) {
                    keys.insert(key, request.getMethod(), request.getRequestURI(), new StoredResponse(fingerprint, status,
                            response.getHeader(HttpHeaders.LOCATION), response.getHeader(HttpHeaders.ETAG),
                            response.getContentType(), new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
                } else {
                    tx.setRollbackOnly();
                }
            });
        } catch (ChainFailed e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    private void replayOrRefuse(StoredResponse earlier, String fingerprint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            writeProblem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + request.getHeader(HEADER) + " was first used for a different request"
                            + " (method, path or body differ): use a new key for a new request");
            return;
        }
        response.setStatus(earlier.status());
        if (earlier.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, earlier.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = earlier.body() == null ? new byte[0] : earlier.body().getBytes(StandardCharsets.UTF_8);
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        int max = properties.maxBodyBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    /**
     * The key as stored: the default tenant's as sent; another tenant's prefixed with the tenant and a space (a character no
     * key has, so no two tenants' keys meet), hashed when that would not fit the column.
     */
    static String scoped(HttpServletRequest request, String key) {
        Object scope = request.getAttribute(SCOPE_ATTRIBUTE);
        if (scope == null || "default".equals(scope)) {
            return key;
        }
        String scopedKey = scope + " " + key;
        if (scopedKey.length() <= 255) {
            return scopedKey;
        }
        try {
            return "sha256 " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(scopedKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** SHA-256 of method, path, query and the body; a JSON body counts by content, not by key order or spacing. */
    private String fingerprint(HttpServletRequest request, byte[] body) {
        byte[] content = body;
        try {
            Object parsed = canonical.readValue(body, Object.class);
            content = canonical.writeValueAsBytes(parsed);
        } catch (JacksonException notJson) {
            log.trace("keyed body is not JSON; fingerprinting its bytes");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ProblemType type,
                              String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(problemWriter.writeValueAsBytes(problem));
    }

    /** Carries a checked exception of the filter chain out of the transaction callback. */
    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }
}
