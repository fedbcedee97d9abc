package org.cardiacrnn.figures;

import org.jfree.chart.annotations.XYTextAnnotation;

/**
 * Text drawn on the plot background (not on a coloured cell), so it takes the figure's text colour: black
 * on paper, light in the dark theme. Cell labels keep their own contrast-chosen colour.
 */
final class PlotTextAnnotation extends XYTextAnnotation {

    private static final long serialVersionUID = 1L;

    PlotTextAnnotation(String text, double x, double y) {
        super(text, x, y);
    }
}
