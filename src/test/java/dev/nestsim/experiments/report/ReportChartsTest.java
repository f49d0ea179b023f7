package dev.nestsim.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The charts' coordinates: at most two decimals, written the shortest way. */
class ReportChartsTest {

    @ParameterizedTest
    @CsvSource({"728.2750244140625, 728.28", "12.5, 12.5", "12.05, 12.05", "-3.0, -3", "0.004, 0", "-0.25, -0.25", "960.0, 960",
            "0.996, 1", "-1.004, -1"})
    void aCoordinateHasAtMostTwoDecimals(double value, String written) {
        assertThat(ReportCharts.twoDecimals(value)).isEqualTo(written);
        assertThat(Double.parseDouble(ReportCharts.twoDecimals(value))).isCloseTo(value, org.assertj.core.data.Offset.offset(0.005));
    }
}
