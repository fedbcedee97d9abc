package org.cardiacrnn.figures;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/** White-to-dark-blue heatmap scale: monotonic in lightness, so it reads in greyscale and for colour-blind readers. */
final class SequentialPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Color LOW = new Color(0xF7FBFF);
    private static final Color HIGH = new Color(0x08306B);
    private final double lower;
    private final double upper;
    private final Color low;
    private final Color high;

    SequentialPaintScale(double lower, double upper) {
        this(lower, upper, LOW, HIGH);
    }

    /** A scale between two given colours, e.g. for lines that must show on light and dark backgrounds. */
    SequentialPaintScale(double lower, double upper, Color low, Color high) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1;
        this.low = low;
        this.high = high;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double f = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        return new Color(mix(low.getRed(), high.getRed(), f), mix(low.getGreen(), high.getGreen(), f),
                mix(low.getBlue(), high.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
