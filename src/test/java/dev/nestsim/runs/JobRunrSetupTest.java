package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestsim.support.ApiTest;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.SqlStorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** JobRunr as the service runs it: its jobs in the application's own database, a background job server, no dashboard. */
@ApiTest
class JobRunrSetupTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void jobsAreStoredInTheApplicationsDatabaseAndProcessedHere() {
        assertThat(context.getBean(StorageProvider.class)).isInstanceOf(SqlStorageProvider.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobrunr_jobs", Long.class)).isNotNull();
        assertThat(context.getBean(BackgroundJobServer.class).isRunning()).isTrue();
    }

    @Test
    void theDashboardIsOffByDefault() {
        assertThat(context.getBeanProvider(JobRunrDashboardWebServer.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(LoopbackDashboard.class).getIfAvailable()).isNull();
    }
}
