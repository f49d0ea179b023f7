package dev.nestsim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are the database being out of reach (503), and which are not. */
class DatabaseOutageTest {

    @Test
    void noConnectionFromThePoolInTimeIsAnOutage() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");
        assertThat(DatabaseOutage.causes(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", hikari))).isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException("wrapped", hikari))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "57014"})
    void connectionBrokenServerStoppingAndStatementTimeoutAreOutages(String sqlState) {
        assertThat(DatabaseOutage.causes(new RuntimeException(new SQLException("gone", sqlState)))).isTrue();
    }

    @Test
    void aRollbackThatFailedOnItsConnectionIsAnOutage() {
        // Hikari closes a connection that broke; Spring then throws the failed rollback in place of the broken statement
        JpaSystemException rollback = new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
        assertThat(DatabaseOutage.causes(rollback)).isTrue();
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "22001", "42P01", "40001"})
    void constraintDataSyntaxAndSerializationErrorsAreNot(String sqlState) {
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("no", new SQLException("bad", sqlState)))).isFalse();
    }

    @Test
    void anExceptionWithoutADatabaseCauseIsNot() {
        assertThat(DatabaseOutage.causes(new IllegalArgumentException("bad", new NullPointerException()))).isFalse();
        assertThat(DatabaseOutage.causes(new TransactionException("Transaction already active"))).isFalse();
    }
}
