package dev.nestsim.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams of long work (a run, an experiment), by polling the database: every
 * {@value #POLL_MILLIS} ms each open stream reads its resource's {@link Frame}; a change of status sends a
 * {@code status} event, any change a {@code progress} event, and the last frame (a terminal status) an {@code end}
 * event, after which the stream completes. Bounded: {@value #MAX_STREAMS} streams at once (one more is a 503 with
 * {@code Retry-After}), each open at most {@value #MAX_MINUTES} minutes. Polling the database, rather than listening
 * to this instance, sees work done by any instance.
 */
@Component
public class EventStreams implements DisposableBean {

    static final int MAX_STREAMS = 64;
    static final long POLL_MILLIS = 250;
    static final long MAX_MINUTES = 30;
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "event-streams");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger open = new AtomicInteger();

    /**
     * What a stream shows of its resource now.
     *
     * @param status its status
     * @param data   what the events carry (serialized as JSON), equal to the last one when nothing changed
     * @param last   whether this is the last frame (the status is terminal)
     */
    public record Frame(String status, Object data, boolean last) {

        public Frame {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(data, "data");
        }
    }

    /** 503: {@value #MAX_STREAMS} event streams are open already. */
    static final class TooManyStreamsException extends ApiProblemException {
        TooManyStreamsException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.BUSY, MAX_STREAMS + " event streams are open, the most this service serves at once:"
                    + " retry later, or poll the resource instead", List.of());
        }

        @Override
        public Map<String, String> headers() {
            return Map.of(HttpHeaders.RETRY_AFTER, "5");
        }
    }

    /** Opens a stream whose frames {@code poll} reads (in a transaction of its own); the first frame is sent at once. */
    public SseEmitter open(Supplier<Frame> poll) {
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new TooManyStreamsException();
        }
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(MAX_MINUTES).toMillis());
        Stream stream = new Stream(emitter, poll);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        stream.future = poller.scheduleWithFixedDelay(stream::tick, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return emitter;
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }

    private final class Stream {
        private final SseEmitter emitter;
        private final Supplier<Frame> poll;
        private volatile ScheduledFuture<?> future;
        private Frame sent;
        private boolean closed;

        Stream(SseEmitter emitter, Supplier<Frame> poll) {
            this.emitter = emitter;
            this.poll = poll;
        }

        synchronized void tick() {
            if (closed) {
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                return;
            }
            try {
                Frame now = poll.get();
                if (sent == null || !sent.status().equals(now.status())) {
                    emitter.send(SseEmitter.event().name("status").data(now.data(), MediaType.APPLICATION_JSON));
                }
                if (sent == null || !sent.data().equals(now.data())) {
                    emitter.send(SseEmitter.event().name("progress").data(now.data(), MediaType.APPLICATION_JSON));
                }
                sent = now;
                if (now.last()) {
                    emitter.send(SseEmitter.event().name("end").data(now.data(), MediaType.APPLICATION_JSON));
                    emitter.complete();
                    close();
                }
            } catch (IOException | IllegalStateException gone) {
                close();
            } catch (RuntimeException e) {
                log.warn("event stream stopped: {}", e.toString());
                emitter.completeWithError(e);
                close();
            }
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            open.decrementAndGet();
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
