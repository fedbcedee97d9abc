package org.cardiacrnn.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one place that decides how figures look: font, sizes, line widths, colours.
 * Sizes are in points; exports lay the chart out at its physical size in points, so a 7 pt tick label
 * is 7 pt on paper whatever the DPI. Exports always use {@link #print()}; {@link #screen(boolean)}
 * only changes background/text colours and enlarges fonts for the monitor.
 *
 * @param fontFamily  a family that exists on headless Linux (DejaVu Sans, else the logical SansSerif)
 * @param titlePt     chart title size
 * @param labelPt     axis label size
 * @param tickPt      tick label, legend and annotation size
 * @param lineWidthPt width of data lines (faint lines use half)
 * @param background  chart and plot background
 * @param foreground  text and axis colour
 * @param grid        grid line colour
 */
public record FigureStyle(String fontFamily, float titlePt, float labelPt, float tickPt, float lineWidthPt,
                          Color background, Color foreground, Color grid) {

    /**
     * Okabe–Ito palette without black and yellow first, ordered for contrast on white; distinguishable
     * with the common colour-vision deficiencies. Yellow is last because it is faint on white.
     */
    public static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));

    private static final String PREFERRED_FAMILY = "DejaVu Sans";

    /** Light style with journal font sizes (title 9 pt, labels 8 pt, ticks 7 pt); used for every export. */
    public static FigureStyle print() {
        return new FigureStyle(defaultFamily(), 9f, 8f, 7f, 1.0f, Color.WHITE, Color.BLACK,
                new Color(0xDDDDDD));
    }

    /** Screen style: larger fonts; dark uses a dark background with light text. */
    public static FigureStyle screen(boolean dark) {
        return dark
                ? new FigureStyle(defaultFamily(), 14f, 12f, 11f, 1.5f, new Color(0x1E1E1E), new Color(0xE0E0E0),
                new Color(0x444444))
                : new FigureStyle(defaultFamily(), 14f, 12f, 11f, 1.5f, Color.WHITE, Color.BLACK,
                new Color(0xDDDDDD));
    }

    /** Colour of the i-th series, cycling through {@link #PALETTE}. */
    public static Color seriesColor(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** Same colour with the given opacity (0–255), for faint per-iteration lines and bands. */
    public static Color faint(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** Solid stroke of the style's line width times {@code factor}. */
    public BasicStroke stroke(float factor) {
        return new BasicStroke(lineWidthPt * factor, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Dashed stroke for reference lines and averages. */
    public BasicStroke dashed(float factor) {
        float w = lineWidthPt * factor;
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4 * w, 3 * w}, 0f);
    }

    /** Font of this family at the given size. */
    public Font font(int awtStyle, float sizePt) {
        return new Font(fontFamily, awtStyle, 10).deriveFont(sizePt);
    }

    /** Restyles fonts and colours of a chart in place; series colours and strokes are left alone. */
    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(background);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(font(Font.BOLD, titlePt));
            chart.getTitle().setPaint(foreground);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            styleTitle(chart.getSubtitle(i));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(background);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 8));
        if (plot instanceof XYPlot xy) {
            styleXyPlot(xy);
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(grid);
            cat.setRangeGridlineStroke(new BasicStroke(0.5f));
            cat.setDomainGridlinesVisible(false);
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
        }
    }

    private void styleXyPlot(XYPlot xy) {
        xy.setDomainGridlinePaint(grid);
        xy.setRangeGridlinePaint(grid);
        xy.setDomainGridlineStroke(new BasicStroke(0.5f));
        xy.setRangeGridlineStroke(new BasicStroke(0.5f));
        xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            styleAxis(xy.getDomainAxis(i));
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            styleAxis(xy.getRangeAxis(i));
        }
        for (Object annotation : xy.getAnnotations()) {
            if (annotation instanceof XYTextAnnotation text) {
                text.setFont(font(Font.PLAIN, tickPt));
                if (text instanceof PlotTextAnnotation) {
                    text.setPaint(foreground);
                }
            } else if (annotation instanceof XYTitleAnnotation title) {
                styleTitle(title.getTitle());
            }
        }
    }

    private void styleTitle(Title title) {
        if (title instanceof LegendTitle legend) {
            legend.setItemFont(font(Font.PLAIN, tickPt));
            legend.setItemPaint(foreground);
            legend.setBackgroundPaint(faint(background, 170));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        } else if (title instanceof PaintScaleLegend scale) {
            scale.setBackgroundPaint(background);
            styleAxis(scale.getAxis());
        } else if (title instanceof TextTitle text) {
            text.setFont(font(Font.PLAIN, labelPt));
            text.setPaint(foreground);
        }
    }

    private void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font(Font.PLAIN, labelPt));
        axis.setTickLabelFont(font(Font.PLAIN, tickPt));
        axis.setLabelPaint(foreground);
        axis.setTickLabelPaint(foreground);
        axis.setAxisLinePaint(foreground);
        axis.setTickMarkPaint(foreground);
    }

    private static String defaultFamily() {
        return DefaultFamily.NAME;
    }

    /** Looked up once, on first use: the installed fonts do not change while the workbench runs. */
    private static final class DefaultFamily {
        static final String NAME = installedOrSansSerif(PREFERRED_FAMILY);
    }

    /**
     * The family if it is installed, else the logical SansSerif. Asks for the one family, which the JDK answers
     * with its fallback ("Dialog") when it is missing: listing every installed family instead opens every font
     * file, which cost the window's thread about 0.1 s before its first chart here, and more on a desktop with
     * many fonts.
     */
    static String installedOrSansSerif(String family) {
        String found = new Font(family, Font.PLAIN, 10).getFamily(Locale.ROOT);
        return family.equals(found) ? family : Font.SANS_SERIF;
    }

    /** Paint used for text drawn on top of a cell of the given colour, black or white by luminance. */
    static Paint textOn(Color cell) {
        double luminance = 0.2126 * cell.getRed() + 0.7152 * cell.getGreen() + 0.0722 * cell.getBlue();
        return luminance < 140 ? Color.WHITE : Color.BLACK;
    }
}
