package dev.nestsim.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V3 on a database that already holds hosts and guest hypervisors (written by V1's schema), on H2 and on PostgreSQL: a
 * testbed host runs Linux 4.18, any other Linux 5.10, every host has all its cores online, guest hypervisors name no
 * kernel, and the new host columns take no NULL.
 */
class KernelMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void existingRowsGetTheirProfilesKernelAndEveryCoreOnline(String database) throws SQLException {
        String url = "h2".equals(database) ? "jdbc:h2:mem:v3-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" : PostgresDatabase.newDatabase();
        String user = "h2".equals(database) ? "sa" : PostgresDatabase.username();
        migrate(url, user, "2");
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            insertHost(s, "00000000-0000-4000-8000-000000000001", "'asplos20-testbed'", 20);
            insertHost(s, "00000000-0000-4000-8000-000000000002", "'sapphire-rapids-8480'", 112);
            insertHost(s, "00000000-0000-4000-8000-000000000003", "NULL", 8);
            s.execute("INSERT INTO hypervisors VALUES ('00000000-0000-4000-8000-000000000011', 'l1', "
                    + "'00000000-0000-4000-8000-000000000001', NULL, 1, 8, 36, '', TRUE, 200000, 'OFF', TRUE, 'PREEMPTION_TIMER', 0, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");

            migrate(url, user, "3");

            assertThat(rows(s, "SELECT id, kernel, online_cpus FROM hosts ORDER BY id")).containsExactly(
                    Map.entry("00000000-0000-4000-8000-000000000001", "linux-4.18/20"),
                    Map.entry("00000000-0000-4000-8000-000000000002", "linux-5.10/112"),
                    Map.entry("00000000-0000-4000-8000-000000000003", "linux-5.10/8"));
            try (ResultSet hv = s.executeQuery("SELECT kernel FROM hypervisors")) {
                assertThat(hv.next()).isTrue();
                assertThat(hv.getString(1)).isNull();
            }
            assertThatThrownBy(() -> s.execute("UPDATE hosts SET kernel = NULL")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("UPDATE hosts SET online_cpus = NULL")).isInstanceOf(SQLException.class);
        }
    }

    private static void migrate(String url, String user, String target) {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void insertHost(Statement s, String id, String profile, int cores) throws SQLException {
        s.execute("INSERT INTO hosts VALUES ('" + id + "', 'h', " + profile + ", " + cores + ", 2.2, 192, 10.0, 63, "
                + "TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, '', 200000, 'PREEMPTION_TIMER', TRUE, TRUE, 0, "
                + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
    }

    private static Map<String, String> rows(Statement s, String sql) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getString(1), r.getString(2) + "/" + r.getInt(3));
            }
        }
        return rows;
    }
}
