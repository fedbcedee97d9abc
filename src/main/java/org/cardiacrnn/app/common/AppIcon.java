package org.cardiacrnn.app.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One place mapping what an icon means to the glyph that shows it, a Material Design icon of Ikonli's
 * materialdesign2 pack named by its description and code point. Ikonli's own constants for these glyphs sit in
 * enums of about 500-1,000 constants per initial letter; initialising ten of them cost the window's thread about
 * 40 ms before its first frame. {@code AppIconTest} checks each glyph against the pack.
 */
public enum AppIcon implements Ikon {
    DATA("mdi2t-table-large", 0xF04F1),
    SEQUENCES("mdi2t-timeline-outline", 0xF0BD2),
    MODEL("mdi2t-tune-variant", 0xF1542),
    TRAINING("mdi2s-school-outline", 0xF1180),
    EVALUATION("mdi2c-chart-box-outline", 0xF154E),
    RUNS("mdi2h-history", 0xF02DA),
    SWEEPS("mdi2c-chart-scatter-plot", 0xF0E92),
    OPEN("mdi2f-folder-open-outline", 0xF0DCF),
    SAMPLE("mdi2f-flask-outline", 0xF0096),
    START("mdi2p-play", 0xF040A),
    PAUSE("mdi2p-pause", 0xF03E4),
    STOP("mdi2s-stop", 0xF04DB),
    EXPORT("mdi2e-export-variant", 0xF0B93),
    SAVE("mdi2c-content-save-outline", 0xF0818),
    DELETE("mdi2d-delete-outline", 0xF09E7),
    COPY("mdi2c-content-copy", 0xF018F),
    THEME("mdi2w-weather-night", 0xF0594),
    WARNING("mdi2a-alert-outline", 0xF002A),
    CHECK("mdi2c-check-circle-outline", 0xF05E1);

    private final String description;
    private final int code;

    AppIcon(String description, int code) {
        this.description = description;
        this.code = code;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public int getCode() {
        return code;
    }

    /** A fresh node for this icon (nodes cannot be shared between parents). */
    public FontIcon node() {
        FontIcon icon = new FontIcon(this);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
