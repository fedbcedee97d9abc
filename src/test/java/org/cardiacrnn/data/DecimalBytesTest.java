package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DecimalBytesTest {

    private static float parse(String token) {
        byte[] bytes = ("x" + token + "y").getBytes(StandardCharsets.US_ASCII);
        return DecimalBytes.parseExact(bytes, 1, bytes.length - 1);
    }

    @Test
    void everyFastPathResultEqualsFloatParseFloatBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        int fast = 0;
        for (int n = 0; n < 40_000; n++) {
            int decimals = random.nextInt(8);
            double number = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(7));
            String token = String.format(Locale.ROOT, "%." + decimals + "f", number);
            if (random.nextInt(5) == 0) {
                token = token + "e" + (random.nextInt(9) - 4);
            }
            float value = parse(token);
            if (!Float.isNaN(value)) {
                fast++;
                assertThat(Float.floatToIntBits(value)).as(token)
                        .isEqualTo(Float.floatToIntBits(Float.parseFloat(token)));
            }
        }
        assertThat(fast).isGreaterThan(20_000);
    }

    @Test
    void leavesWhatItCannotDoExactlyToTheSlowPath() {
        assertThat(parse("2.07944154167984")).isNaN();
        assertThat(parse("1e20")).isNaN();
        assertThat(parse("abc")).isNaN();
        assertThat(parse("-")).isNaN();
        assertThat(parse(".")).isNaN();
        assertThat(parse("1.5x")).isNaN();
        assertThat(parse("Inf")).isNaN();
    }

    @Test
    void simpleForms() {
        assertThat(parse("0")).isZero();
        assertThat(parse("-12.3456")).isEqualTo(-12.3456f);
        assertThat(parse("+7")).isEqualTo(7f);
        assertThat(parse(".5")).isEqualTo(0.5f);
        assertThat(parse("5.")).isEqualTo(5f);
        assertThat(parse("4.5E-3")).isEqualTo(0.0045f);
    }
}
