package org.cardiacrnn.figures;

/**
 * Physical size of an exported figure. Journals ask for 85 mm (single column) or 180 mm (double column).
 *
 * @param widthMm  width in millimetres
 * @param heightMm height in millimetres
 */
public record FigureSize(double widthMm, double heightMm) {

    /** One journal column, 85 mm wide. */
    public static final FigureSize SINGLE_COLUMN = new FigureSize(85, 65);
    /** Full page width, 180 mm. */
    public static final FigureSize DOUBLE_COLUMN = new FigureSize(180, 110);

    private static final double MM_PER_INCH = 25.4;
    private static final double POINTS_PER_INCH = 72;

    public FigureSize {
        if (!(widthMm > 0 && heightMm > 0 && widthMm <= 2000 && heightMm <= 2000)) {
            throw new IllegalArgumentException("figure size must be between 0 and 2000 mm, got "
                    + widthMm + " x " + heightMm + " mm");
        }
    }

    /** Width in PostScript points (1/72 inch), the unit the chart is laid out in. */
    public double widthPt() {
        return widthMm / MM_PER_INCH * POINTS_PER_INCH;
    }

    /** Height in PostScript points. */
    public double heightPt() {
        return heightMm / MM_PER_INCH * POINTS_PER_INCH;
    }

    /** Pixel width at the given resolution: round(mm / 25.4 × dpi). */
    public int widthPx(int dpi) {
        return (int) Math.round(widthMm / MM_PER_INCH * dpi);
    }

    /** Pixel height at the given resolution. */
    public int heightPx(int dpi) {
        return (int) Math.round(heightMm / MM_PER_INCH * dpi);
    }
}
