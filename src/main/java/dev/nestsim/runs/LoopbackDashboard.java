package dev.nestsim.runs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * JobRunr's dashboard, when {@code nestsim.runs.dashboard.enabled=true}, on 127.0.0.1 only
 * ({@code http://127.0.0.1:8000/dashboard} by default). JobRunr's own dashboard server listens on every
 * interface, so it stays off: this one serves the same handlers from a server bound to the loopback address,
 * without authentication, for an operator on the machine (or through an SSH tunnel).
 */
@Component
@ConditionalOnProperty(name = "nestsim.runs.dashboard.enabled", havingValue = "true")
class LoopbackDashboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LoopbackDashboard.class);

    private final StorageProvider storage;
    private final JsonMapper json;
    private final int port;
    private HttpServer server;
    private ExecutorService threads;
    private List<HttpExchangeHandler> handlers = List.of();

    LoopbackDashboard(StorageProvider storage, JsonMapper json, RunsProperties properties, Environment environment) {
        if (environment.getProperty("jobrunr.dashboard.enabled", Boolean.class, false)) {
            throw new IllegalStateException("jobrunr.dashboard.enabled=true serves the dashboard on every interface; "
                    + "use nestsim.runs.dashboard.enabled=true alone, which serves it on 127.0.0.1");
        }
        this.storage = storage;
        this.json = json;
        this.port = properties.dashboard().port();
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the JobRunr dashboard cannot listen on 127.0.0.1:" + port, e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jobrunr-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        handlers = List.of(new RedirectHttpHandler("/", "/dashboard"), new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, json, false), new JobRunrSseHandler(storage, json));
        handlers.forEach(handler -> server.createContext(handler.getContextPath(), handler));
        server.start();
        log.info("JobRunr dashboard on http://127.0.0.1:{}/dashboard", server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            handlers.forEach(HttpExchangeHandler::close);
            threads.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
