package dev.nestsim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.nestsim.support.ApiTest;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bounds that keep a database outage short for a request (connection, validation and statement timeouts), and the
 * health groups that tell it apart from a dead process: liveness without the database, readiness with it.
 * {@code DatabaseOutagePostgresIT} shows them at work on a crashed PostgreSQL.
 */
@ApiTest
class DatabaseTimeoutsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entities;
    @Autowired
    HealthEndpointGroups groups;

    @Test
    void aConnectionIsWaitedForThreeSecondsAndCheckedInOne() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
    }

    @Test
    void statementsOfJdbcTemplateAndJpaAreCancelledAfterTenSeconds() {
        assertThat(jdbc.getQueryTimeout()).isEqualTo(10);
        assertThat(entities.getProperties()).containsEntry("jakarta.persistence.query.timeout", "10000");
    }

    @Test
    void livenessLeavesTheDatabaseOutAndReadinessTakesItIn() {
        assertThat(groups.get("liveness").isMember("db")).isFalse();
        assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
    }
}
