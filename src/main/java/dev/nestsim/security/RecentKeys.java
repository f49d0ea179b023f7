package dev.nestsim.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys this instance checked against the database lately, by hash: while the database is out of reach, a key it
 * accepted within {@code grace} is still accepted, so that requests that need no database (the catalogues) keep
 * answering. Never consulted while the database answers: a revocation, which needs the database, is in force at once
 * everywhere. At most {@value #MAX_ENTRIES} keys, the least recently used forgotten first.
 */
final class RecentKeys {

    static final int MAX_ENTRIES = 1024;

    private record Checked(Caller caller, Instant at) {
    }

    private final Duration grace;
    private final Map<String, Checked> checked = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    RecentKeys(Duration grace) {
        this.grace = grace;
    }

    /** What the database said of a key just now: valid for {@code caller}, or (empty) unknown or revoked. */
    synchronized void checked(String hash, Optional<Caller> caller, Instant now) {
        if (caller.isPresent()) {
            checked.put(hash, new Checked(caller.get(), now));
        } else {
            checked.remove(hash);
        }
    }

    /** The caller of a key the database accepted within the grace before {@code now}. */
    synchronized Optional<Caller> during(String hash, Instant now) {
        Checked c = checked.get(hash);
        return c == null || c.at().plus(grace).isBefore(now) ? Optional.empty() : Optional.of(c.caller());
    }

    synchronized void forget(String hash) {
        checked.remove(hash);
    }
}
