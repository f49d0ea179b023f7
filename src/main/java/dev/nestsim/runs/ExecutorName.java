package dev.nestsim.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How this instance signs the runs it executes: {@code nestsim.runs.instance-name}, or the host name, then a
 * suffix new at every start, so that a restarted instance never mistakes a run of its previous life for its own.
 */
@Component
class ExecutorName {

    private final String value;

    ExecutorName(RunsProperties properties) {
        String base = properties.instanceName() == null || properties.instanceName().isBlank() ? hostName() : properties.instanceName();
        this.value = base + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String value() {
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "nestsim";
        }
    }
}
