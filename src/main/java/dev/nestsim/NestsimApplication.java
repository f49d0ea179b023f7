package dev.nestsim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** nestsim: a REST service that simulates nested clouds (see README.md and docs/). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NestsimApplication {

    public static void main(String[] args) {
        SpringApplication.run(NestsimApplication.class, args);
    }
}
