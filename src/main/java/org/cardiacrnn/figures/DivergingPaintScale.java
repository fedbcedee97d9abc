package org.cardiacrnn.figures;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * Blue–white–red scale symmetric around zero, for signed values such as attributions: white means "no effect",
 * and equal magnitudes of either sign get equally strong colours (ColorBrewer RdBu ends, colour-blind safe).
 */
final class DivergingPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Color NEGATIVE = new Color(0x2166AC);
    private static final Color ZERO = new Color(0xF7F7F7);
    private static final Color POSITIVE = new Color(0xB2182B);
    private final double limit;

    /** A scale from {@code -limit} to {@code +limit} (a zero limit becomes 1, so an all-zero map stays white). */
    DivergingPaintScale(double limit) {
        this.limit = limit > 0 && Double.isFinite(limit) ? limit : 1;
    }

    @Override
    public double getLowerBound() {
        return -limit;
    }

    @Override
    public double getUpperBound() {
        return limit;
    }

    @Override
    public Paint getPaint(double value) {
        double f = Double.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value / limit));
        Color end = f < 0 ? NEGATIVE : POSITIVE;
        double w = Math.abs(f);
        return new Color(mix(ZERO.getRed(), end.getRed(), w), mix(ZERO.getGreen(), end.getGreen(), w),
                mix(ZERO.getBlue(), end.getBlue(), w));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
