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

    enum Mode { OFF, STATIC, STRICT }

    record Typed(Integer boxed, Long seed, Double rate, Boolean flag, Mode mode, java.util.List<Mode> modes,
                 java.util.Map<String, Double> parameters) {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            number for an enum            | {"mode":2}
            number for an enum in a list  | {"modes":[0]}
            number in a string for enum   | {"mode":"2"}
            blank for an enum             | {"mode":" "}
            empty for an enum             | {"mode":""}
            blank for an integer          | {"boxed":"  "}
            empty for an integer          | {"boxed":""}
            blank for a long              | {"seed":" "}
            blank for a number            | {"rate":" "}
            blank for a boolean           | {"flag":" "}
            blank for a number in a map   | {"parameters":{"x":" "}}
            blank for a list              | {"modes":" "}
            """)
    void scalarsAreReadFromTheirOwnJsonTypesOnly(String label, String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Typed.class)).as(label).isInstanceOf(JacksonException.class);
    }

    @Test
    void enumsAreReadByName() {
        assertThat(mapper.readValue("{\"mode\":\"STRICT\",\"modes\":[\"OFF\"]}", Typed.class))
                .isEqualTo(new Typed(null, null, null, null, Mode.STRICT, java.util.List.of(Mode.OFF), null));
    }
}
