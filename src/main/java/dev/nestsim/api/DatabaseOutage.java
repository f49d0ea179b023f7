package dev.nestsim.api;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether an exception means the database is out of reach or did not answer in time, rather than that the request was
 * wrong: no connection within {@code spring.datasource.hikari.connection-timeout} (Hikari's
 * {@link SQLTransientConnectionException}), a connection refused or broken ({@code SQLState} class {@code 08}), the server
 * shutting down or starting ({@code 57P01} to {@code 57P03}), a statement cancelled by its timeout ({@code 57014},
 * {@link SQLTimeoutException}), a rollback or commit that failed on its JDBC connection (Hikari closes a connection that
 * broke, so the rollback after a broken statement fails too, and Spring throws that failure in place of the first), or
 * Spring's translations of these. Such a request is answered 503 with
 * {@code Retry-After} ({@link ApiExceptionHandler}, {@link ProblemErrorController}): it may well succeed later, unchanged.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when {@code e} or one of its causes says the database is unreachable or timed out. */
    public static boolean causes(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (isOutage(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLTimeoutException || t instanceof ConnectException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof TransactionException && t.getCause() instanceof SQLException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57014") || state.startsWith("57P0");
        }
        return false;
    }
}
