package dev.nestsim.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request body may cost, before anything reads it ({@link HttpLimits}):
 * <ul>
 *   <li>a {@code Content-Length} above {@code nestsim.http.max-body-size} is a 413 at once, nothing of the body read (the
 *       connection is closed after it); a body without one is cut off with a 413 as soon as it grows past the limit;</li>
 *   <li>a body still arriving {@code nestsim.http.body-timeout} after the request started is a 408;</li>
 *   <li>at most {@code nestsim.http.max-uploads} bodies are received at once: one more is a 503 with {@code Retry-After},
 *       so that slow clients never hold every request thread and reads, health checks and quick writes still answer.</li>
 * </ul>
 * An upload counts from the first read of its body to its end (or the end of the request).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimits extends OncePerRequestFilter {

    /** The request attribute that marks a refused body: Tomcat is not to drain the rest of it ({@link RefusedBodyValve}). */
    static final String REFUSED = RequestBodyLimits.class.getName() + ".refused";

    private final HttpLimits limits;
    private final Semaphore uploads;

    RequestBodyLimits(HttpLimits limits) {
        this.limits = limits;
        this.uploads = new Semaphore(limits.maxUploads());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBodySize().toBytes()) {
            refuse(request, response, tooLarge());
            return;
        }
        if (declared == 0 || declared < 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            BodyRefusedException refused = BodyRefusedException.in(failure);
            if (refused == null || response.isCommitted()) {
                throw failure;
            }
            refuse(request, response, refused);
        } finally {
            limited.body.release();
        }
    }

    /** Writes the refusal; the rest of the body is not read, so the connection is closed after the answer. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, BodyRefusedException refused) throws IOException {
        request.setAttribute(REFUSED, Boolean.TRUE);
        response.setHeader("Connection", "close");
        if (refused.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
        }
        ProblemJson.write(response, refused.type(), refused.status(), refused.getMessage(), request.getRequestURI());
    }

    private BodyRefusedException tooLarge() {
        return new BodyRefusedException(413, ProblemType.PAYLOAD_TOO_LARGE, "a request body may have at most "
                + limits.maxBodySize().toBytes() + " bytes (nestsim.http.max-body-size)", 0);
    }

    /** The request with its body behind a {@link LimitedBody}. */
    private final class LimitedRequest extends HttpServletRequestWrapper {

        private final LimitedBody body;

        LimitedRequest(HttpServletRequest request) {
            super(request);
            this.body = new LimitedBody(request, System.nanoTime() + limits.bodyTimeout().toNanos());
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(body, charset));
        }
    }

    /** Counts the body's bytes, watches its deadline, and holds an upload permit while it is being read. */
    private final class LimitedBody extends ServletInputStream {

        private final HttpServletRequest request;
        private final long deadlineNanos;
        private ServletInputStream in;
        private long read;
        private boolean holding;
        private boolean done;
        private BodyRefusedException refusal;

        LimitedBody(HttpServletRequest request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            ServletInputStream source = open();
            if (System.nanoTime() > deadlineNanos) {
                throw slow();
            }
            int n;
            try {
                n = source.read(buffer, offset, length);
            } catch (SocketTimeoutException stalled) {
                throw slow();
            }
            if (n < 0) {
                release();
                return n;
            }
            read += n;
            if (read > limits.maxBodySize().toBytes()) {
                throw refused(tooLarge());
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return done || in != null && in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in == null || in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("request bodies are read synchronously");
        }

        @Override
        public void close() throws IOException {
            release();
            if (in != null) {
                in.close();
            }
        }

        private ServletInputStream open() throws IOException {
            if (refusal != null) {
                throw refusal;
            }
            if (in == null) {
                if (!uploads.tryAcquire()) {
                    throw refused(new BodyRefusedException(503, ProblemType.BUSY, limits.maxUploads()
                            + " request bodies are being received already (nestsim.http.max-uploads): retry shortly", 1));
                }
                holding = true;
                in = request.getInputStream();
            }
            return in;
        }

        private BodyRefusedException slow() {
            return refused(new BodyRefusedException(408, ProblemType.REQUEST_TIMEOUT, "the request body did not arrive within "
                    + limits.bodyTimeout().toSeconds() + " s (nestsim.http.body-timeout)", 0));
        }

        /** Every later read gets the same refusal; the upload permit is given back; Tomcat will not drain the rest. */
        private BodyRefusedException refused(BodyRefusedException refused) {
            refusal = refused;
            request.setAttribute(REFUSED, Boolean.TRUE);
            release();
            return refused;
        }

        void release() {
            done = true;
            if (holding) {
                holding = false;
                uploads.release();
            }
        }
    }
}
