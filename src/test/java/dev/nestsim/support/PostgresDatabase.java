package dev.nestsim.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * A fresh PostgreSQL database on this machine's server (127.0.0.1:5432, user postgres, trust auth) for one
 * test JVM: created on first use with a unique name, dropped when the JVM exits (after the Spring contexts using it
 * have closed, through Spring Boot's shutdown handlers), so reruns and parallel CI
 * runs never share data. {@code NESTSIM_TEST_PG_HOST}/{@code _PORT}/{@code _USER} point it elsewhere.
 */
public final class PostgresDatabase {

    private static final String HOST = env("NESTSIM_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("NESTSIM_TEST_PG_PORT", "5432");
    private static final String USER = env("NESTSIM_TEST_PG_USER", "postgres");
    private static volatile String url;

    private PostgresDatabase() {
    }

    /** The JDBC URL of this JVM's database, creating it on first call. */
    public static synchronized String url() {
        if (url == null) {
            url = newDatabase();
        }
        return url;
    }

    /** The JDBC URL of another fresh database, for a test that must not share one (dropped when the JVM exits too). */
    public static String newDatabase() {
        String name = "nestsim_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + name);
        SpringApplication.getShutdownHandlers().add(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public static String username() {
        return USER;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for the PostgreSQL tests"
                    + " (pg_ctlcluster 15 main start): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
