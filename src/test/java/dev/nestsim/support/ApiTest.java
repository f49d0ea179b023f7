package dev.nestsim.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with MockMvc, on an in-memory H2 database (profile {@code test}). Every test class
 * with this annotation and no other configuration shares one Spring context. Every response is validated against
 * {@code openapi/openapi.yaml} ({@link ResponsesMatchTheSpec}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ResponsesMatchTheSpec.class)
public @interface ApiTest {
}
