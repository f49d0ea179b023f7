package dev.nestsim.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code nestsim.topology.max-depth}: 5 by default, configurable from 1 to 8, refused outside at startup. */
class TopologyPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TopologyProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Config.class);

    @Test
    void theDefaultDepthIsFive() {
        runner.run(context -> assertThat(context.getBean(TopologyProperties.class).maxDepth()).isEqualTo(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void aDepthFromOneToEightIsAccepted(int depth) {
        runner.withPropertyValues("nestsim.topology.max-depth=" + depth)
                .run(context -> assertThat(context.getBean(TopologyProperties.class).maxDepth()).isEqualTo(depth));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9})
    void aDepthOutsideOneToEightStopsTheStart(int depth) {
        runner.withPropertyValues("nestsim.topology.max-depth=" + depth).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("maxDepth"));
    }
}
