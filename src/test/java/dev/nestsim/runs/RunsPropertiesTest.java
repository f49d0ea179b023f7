package dev.nestsim.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code nestsim.runs.*}: documented defaults, and values out of range stop the start naming the property. */
class RunsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RunsProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Config.class);

    @Test
    void theDefaultsAreAHundredQueuedOneRunningPerProcessorAndTheDashboardOff() {
        runner.run(context -> {
            RunsProperties runs = context.getBean(RunsProperties.class);
            assertThat(runs.maxQueued()).isEqualTo(100);
            assertThat(runs.runningLimit()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(runs.maxReplications()).isEqualTo(1000);
            assertThat(runs.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(runs.lease()).isEqualTo(Duration.ofSeconds(10));
            assertThat(runs.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
            assertThat(runs.diagnosticWorkload()).isFalse();
            assertThat(runs.dashboard().enabled()).isFalse();
            assertThat(runs.dashboard().port()).isEqualTo(8000);
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"max-queued, 0, maxQueued", "max-queued, 100001, maxQueued", "max-running, -1, maxRunning", "max-running, 257, maxRunning",
            "max-replications, 0, maxReplications", "lease, 0s, lease", "lease, 11m, lease", "retry-after, 0s, retryAfter",
            "dashboard.port, 0, port"})
    void aValueOutOfRangeStopsTheStart(String property, String value, String field) {
        runner.withPropertyValues("nestsim.runs." + property + "=" + value)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(field));
    }
}
