package org.cardiacrnn.app.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** One place mapping what an icon means to the glyph that shows it. */
public enum AppIcon {
    DATA(MaterialDesignT.TABLE_LARGE),
    SEQUENCES(MaterialDesignT.TIMELINE_OUTLINE),
    MODEL(MaterialDesignT.TUNE_VARIANT),
    TRAINING(MaterialDesignS.SCHOOL_OUTLINE),
    EVALUATION(MaterialDesignC.CHART_BOX_OUTLINE),
    RUNS(MaterialDesignH.HISTORY),
    SWEEPS(MaterialDesignC.CHART_SCATTER_PLOT),
    OPEN(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    SAMPLE(MaterialDesignF.FLASK_OUTLINE),
    START(MaterialDesignP.PLAY),
    PAUSE(MaterialDesignP.PAUSE),
    STOP(MaterialDesignS.STOP),
    EXPORT(MaterialDesignE.EXPORT_VARIANT),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    DELETE(MaterialDesignD.DELETE_OUTLINE),
    COPY(MaterialDesignC.CONTENT_COPY),
    THEME(MaterialDesignW.WEATHER_NIGHT),
    WARNING(MaterialDesignA.ALERT_OUTLINE),
    CHECK(MaterialDesignC.CHECK_CIRCLE_OUTLINE);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A fresh node for this icon (nodes cannot be shared between parents). */
    public FontIcon node() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
