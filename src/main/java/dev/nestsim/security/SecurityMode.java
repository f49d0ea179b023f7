package dev.nestsim.security;

import dev.nestsim.security.SecurityProperties.Enforcement;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rule that says whether a request needs an API key ({@link SecurityProperties#enabled}): {@code true} always,
 * {@code false} never, {@code auto} once an admin key is configured or any key was ever issued. In {@code auto} the
 * answer only ever moves from open to enforced (it latches): issuing a key here latches at once, a key issued by another
 * instance is seen within {@code auto-recheck}, by a background check: a request never waits for the database to learn
 * the mode (during a database outage that would delay its 503). Reported in {@code /actuator/info} under {@code security}.
 */
@Component
public class SecurityMode implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(SecurityMode.class);

    private final SecurityProperties properties;
    private final BooleanSupplier anyKeyIssued;
    private volatile boolean latched;

    SecurityMode(SecurityProperties properties, ApiKeyRepository keys) {
        this.properties = properties;
        this.anyKeyIssued = () -> keys.count() > 0;
        this.latched = properties.enabled() == Enforcement.AUTO && properties.hasAdminKey();
    }

    /** Whether requests need an API key now. */
    public boolean enforced() {
        return switch (properties.enabled()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> latched;
        };
    }

    /** A key was just issued on this instance: in {@code auto}, enforced from now on. */
    void keyIssued() {
        if (properties.enabled() == Enforcement.AUTO && !latched) {
            latched = true;
            log.warn("nestsim.security.enabled=auto: an API key was issued; every request needs an API key from now on");
        }
    }

    /** In {@code auto}, while open: have keys been issued (here before a restart, or by another instance)? */
    @Scheduled(initialDelayString = "${nestsim.security.auto-recheck:5s}", fixedDelayString = "${nestsim.security.auto-recheck:5s}")
    void lookForKeys() {
        if (properties.enabled() != Enforcement.AUTO || latched) {
            return;
        }
        try {
            if (anyKeyIssued.getAsBoolean()) {
                latched = true;
                log.warn("nestsim.security.enabled=auto: API keys exist; every request needs an API key from now on");
            }
        } catch (DataAccessException unreachable) {
            log.debug("could not look for API keys: {}", unreachable.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOpen() {
        lookForKeys();
        if (properties.enabled() == Enforcement.AUTO && !enforced()) {
            log.warn("SECURITY: nestsim.security.enabled=auto and no API key exists and NESTSIM_ADMIN_KEY is not set: the API is OPEN, every "
                    + "request acts as the default tenant's admin. Set NESTSIM_ADMIN_KEY (or issue a key) to require API keys.");
        } else if (properties.enabled() == Enforcement.FALSE) {
            log.info("nestsim.security.enabled=false: the API is open (every request acts as the default tenant's admin)");
        }
    }

    @Override
    public void contribute(Info.Builder builder) {
        boolean on = enforced();
        builder.withDetail("security", Map.of(
                "enabled", properties.enabled().name().toLowerCase(java.util.Locale.ROOT),
                "mode", on ? "enforced" : "open",
                "detail", on ? "every API request needs Authorization: Bearer <api key>"
                        : "OPEN: no API key is required, every request acts as the default tenant's admin"));
    }
}
