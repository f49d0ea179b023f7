package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** When the supervisor starts JobRunr's background job server again, and when it leaves it alone. */
class JobServerSupervisorTest {

    private final BackgroundJobServer server = mock(BackgroundJobServer.class);
    private final DataSource database = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private JobServerSupervisor supervisor;

    @BeforeEach
    void setUp() throws SQLException {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("backgroundJobServer", server);
        ObjectProvider<BackgroundJobServer> servers = beans.getBeanProvider(BackgroundJobServer.class);
        supervisor = new JobServerSupervisor(servers, database, new RunsProperties(100, 0, 1000, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(10), null, false, new RunsProperties.Dashboard(false, 8000)));
        when(database.getConnection()).thenReturn(connection);
        when(connection.isValid(org.mockito.ArgumentMatchers.anyInt())).thenReturn(true);
    }

    @Test
    void startsAServerThatStoppedOnceTheDatabaseAnswers() {
        when(server.isRunning()).thenReturn(true);
        assertThat(supervisor.supervise()).isFalse();
        when(server.isRunning()).thenReturn(false);

        assertThat(supervisor.supervise()).isTrue();
        verify(server).start();
    }

    @Test
    void leavesAStoppedServerAloneWhileTheDatabaseIsUnreachable() throws SQLException {
        when(server.isRunning()).thenReturn(true, false);
        supervisor.supervise();
        when(database.getConnection()).thenThrow(new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"));

        assertThat(supervisor.supervise()).isFalse();
        verify(server, never()).start();
    }

    @Test
    void neverStartsAServerItHasNotSeenRunning() {
        when(server.isRunning()).thenReturn(false);

        assertThat(supervisor.supervise()).isFalse();
        verify(server, never()).start();
    }

    @Test
    void leavesARunningServerAlone() {
        when(server.isRunning()).thenReturn(true);

        assertThat(supervisor.supervise()).isFalse();
        assertThat(supervisor.supervise()).isFalse();
        verify(server, never()).start();
    }
}
