package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeTextTest {

    private static double[] read(String... values) {
        return TimeText.read(Arrays.asList(values)).orElseThrow().numbers();
    }

    @Test
    void everyWrittenFormOfADayBecomesItsNumber() {
        assertThat(read("day7", "D7", "d07", "7d", "Day 11", "day_0", "15 days")).containsExactly(7, 7, 7, 7, 11, 0,
                15);
        TimeText.Reading reading = TimeText.read(List.of("day15", "day0", "day7")).orElseThrow();
        assertThat(reading.unit()).isEqualTo(TimeText.Unit.DAYS);
        assertThat(reading.describe()).isEqualTo("text parsed as days (day0 -> 0 ... day15 -> 15)");
    }

    @Test
    void hoursStayHoursAndMixedUnitsTakeTheLargerOne() {
        assertThat(read("12h", "72 hours", "0h")).containsExactly(12, 72, 0);
        TimeText.Reading mixed = TimeText.read(List.of("12h", "day1", "")).orElseThrow();
        assertThat(mixed.unit()).isEqualTo(TimeText.Unit.DAYS);
        assertThat(mixed.numbers()[0]).isEqualTo(0.5);
        assertThat(mixed.numbers()[1]).isEqualTo(1);
        assertThat(mixed.numbers()[2]).isNaN();
    }

    @Test
    void labelsThatAreNotTimesAreLeftAlone() {
        assertThat(TimeText.read(List.of("day7", "IPSC"))).isEmpty();
        assertThat(TimeText.read(List.of("CM", "CF"))).isEmpty();
        assertThat(TimeText.read(List.of("", "NA"))).isEmpty();
    }

    @Test
    void bulkMetadataWithTextTimesIsNumericForLaterStages() {
        SampleMetadata metadata = new SampleMetadata(List.of("a", "b"),
                List.of(SampleMetadata.Column.of("time", List.of("24h", "48h"))));
        assertThat(MetadataColumns.requireNumeric(metadata, "time", null)).containsExactly(24, 48);
    }
}
