package dev.nestsim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestsim.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The application's JSON mapper (the one Spring MVC reads bodies with) refuses what Jackson 3 would otherwise let through. */
@ApiTest
class StrictJsonTest {

    record Sample(int count, Integer boxed, String name) {
    }

    @Autowired
    JsonMapper mapper;

    @Test
    void aWellFormedBodyIsRead() {
        assertThat(mapper.readValue("{\"count\":1,\"boxed\":2,\"name\":\"n\"}", Sample.class)).isEqualTo(new Sample(1, 2, "n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field           | {"count":1,"colour":"red"}
            null for a primitive    | {"count":null}
            number in a string      | {"count":"1"}
            fraction for an integer | {"count":1.5}
            number for a string     | {"count":1,"name":7}
            repeated key            | {"count":1,"count":2}
            trailing garbage        | {"count":1} x
            """)
    void isRefused(String label, String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Sample.class)).as(label).isInstanceOf(JacksonException.class);
    }
}
