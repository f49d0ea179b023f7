package dev.nestsim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.support.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema's constraints hold no state of the connection that created them. On H2 a CHECK with an IN list (or an
 * OR of equalities, which H2 rewrites to one) keeps a set ordered by the creating session; once the pool retires the
 * Flyway connection, every write of the table fails ("Check constraint invalid ... The database has been closed").
 * Here Flyway migrates through connections of its own and closes them while another connection keeps the database
 * open, as a pool does; that other connection then writes every status and target kind, on H2 and on PostgreSQL. A
 * database created before V4 keeps its runs and is repaired in place; a lint keeps later migrations off IN lists.
 */
class SchemaConstraintsTest {

    private static final List<String> STATUSES = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");
    /** An IN list of constants, the form H2 compiles against the creating session. */
    private static final Pattern SESSION_BOUND_SET = Pattern.compile("\\bIN\\s*\\(", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", "jdbc:h2:file:" + dir.resolve("schema-" + UUID.randomUUID()).toAbsolutePath() + ";WRITE_DELAY=0", "sa"),
                Arguments.of("PostgreSQL", PostgresDatabase.newDatabase(), PostgresDatabase.username()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsAreWrittenInEveryStatusAfterTheMigratingConnectionIsClosed(String database, String url, String user) throws SQLException {
        try (Connection pooled = DriverManager.getConnection(url, user, "")) {
            migrate(url, user);

            UUID vmRun = insertRun(pooled, "VM");
            UUID hostRun = insertRun(pooled, "HOST");
            for (String status : STATUSES) {
                assertThat(setStatus(pooled, vmRun, status)).as("%s -> %s", vmRun, status).isEqualTo(1);
            }

            assertThat(statusOf(pooled, vmRun)).isEqualTo("CANCELLED");
            assertThat(statusOf(pooled, hostRun)).isEqualTo("QUEUED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownStatusOrTargetKindIsRefused(String database, String url, String user) throws SQLException {
        try (Connection pooled = DriverManager.getConnection(url, user, "")) {
            migrate(url, user);
            UUID run = insertRun(pooled, "VM");

            assertThatThrownBy(() -> setStatus(pooled, run, "PAUSED")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
            assertThatThrownBy(() -> insertRun(pooled, "DISK")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
            assertThat(statusOf(pooled, run)).isEqualTo("QUEUED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDatabaseCreatedBeforeV4KeepsItsRunsAndIsRepairedByIt(String database, String url, String user) throws SQLException {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("2").load().migrate();
        UUID earlier;
        try (Connection afterARestart = DriverManager.getConnection(url, user, "")) {
            earlier = insertRun(afterARestart, "HOST");
        }
        try (Connection pooled = DriverManager.getConnection(url, user, "")) {
            migrate(url, user);

            assertThat(setStatus(pooled, earlier, "RUNNING")).isEqualTo(1);
            assertThat(statusOf(pooled, insertRun(pooled, "VM"))).isEqualTo("QUEUED");
            assertThat(statusOf(pooled, earlier)).isEqualTo("RUNNING");
        }
    }

    /** A guard for later migrations: no CHECK constraint (nor a domain's) of the H2 schema uses an IN list. */
    @Test
    void noCheckConstraintUsesAnInListOnH2() throws SQLException {
        String url = "jdbc:h2:mem:schema-lint;DB_CLOSE_DELAY=-1";
        migrate(url, "sa");
        List<String> sessionBound = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet checks = s.executeQuery("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS")) {
            int total = 0;
            while (checks.next()) {
                total++;
                if (SESSION_BOUND_SET.matcher(checks.getString(2)).find()) {
                    sessionBound.add(checks.getString(1) + ": " + checks.getString(2));
                }
            }
            assertThat(total).as("the schema still has CHECK constraints to look at").isPositive();
        }
        assertThat(sessionBound).as("use a foreign key to a lookup table instead (see V4__run_vocabularies.sql)").isEmpty();
    }

    private static void migrate(String url, String user) {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
    }

    private static UUID insertRun(Connection c, String targetKind) throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (id, status, workload, target_kind, target_id, host_id, level,"
                + " parameters, seed, replications, replications_done, snapshot, attempts, cancel_requested, version, created_at, updated_at)"
                + " VALUES (?, 'QUEUED', 'cpuid', ?, ?, ?, 1, '{}', 42, 3, 0, '{}', 0, FALSE, 0, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, targetKind);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, UUID.randomUUID());
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.executeUpdate();
        }
        return id;
    }

    private static int setStatus(Connection c, UUID id, String status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, status);
            update.setObject(2, id);
            return update.executeUpdate();
        }
    }

    private static String statusOf(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
