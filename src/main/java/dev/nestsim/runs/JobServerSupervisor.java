package dev.nestsim.runs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Restarts JobRunr's background job server after a database outage. JobRunr stops its server for good when a heartbeat to
 * its storage fails ("An unrecoverable error occurred. Shutting down"), and its free edition never starts it again; the
 * service's own runs do not need it (the sweep and the local executor finish them), but the jobs of other instances and
 * {@code /actuator/health} do. Every {@code nestsim.runs.sweep-interval} this checks the server it has seen running: when it
 * is stopped and the database answers again, it starts it ({@link BackgroundJobServer#start()}, which announces the server
 * to the storage anew). It never starts a server that was not running once, nor one stopped by the application's shutdown
 * (it stops first).
 */
@Component
class JobServerSupervisor implements SmartLifecycle {

    /** How long the database has to say it is valid, in seconds. */
    private static final int VALIDATION_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(JobServerSupervisor.class);

    private final ObjectProvider<BackgroundJobServer> servers;
    private final DataSource database;
    private final RunsProperties properties;
    private volatile boolean seenRunning;
    private volatile ScheduledExecutorService scheduler;

    JobServerSupervisor(ObjectProvider<BackgroundJobServer> servers, DataSource database, RunsProperties properties) {
        this.servers = servers;
        this.database = database;
        this.properties = properties;
    }

    /** One check; true when it started the server again. */
    boolean supervise() {
        BackgroundJobServer server = servers.getIfAvailable();
        if (server == null) {
            return false;
        }
        if (server.isRunning()) {
            seenRunning = true;
            return false;
        }
        if (!seenRunning || !databaseAnswers()) {
            return false;
        }
        log.warn("JobRunr's background job server is stopped (a storage failure stops it) and the database answers again: starting it");
        server.start();
        return true;
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            log.debug("database still unreachable: {}", unreachable.getMessage());
            return false;
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobrunr-supervisor");
            t.setDaemon(true);
            return t;
        });
        long every = properties.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::superviseQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void superviseQuietly() {
        try {
            supervise();
        } catch (RuntimeException e) {
            log.warn("JobRunr's background job server could not be started again: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops among the first, before anything else stops JobRunr's server at shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
