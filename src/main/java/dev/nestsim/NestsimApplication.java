package dev.nestsim;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** nestsim: a REST service that simulates nested clouds (see README.md and docs/). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NestsimApplication {

    /** The service's time source; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(NestsimApplication.class, args);
    }
}
