package org.cardiacrnn.app.shell;

import org.cardiacrnn.app.common.AppIcon;

/** The pages of the navigation rail, in pipeline order. */
public enum Page {
    DATA("page.data", AppIcon.DATA),
    SEQUENCES("page.sequences", AppIcon.SEQUENCES),
    MODEL("page.model", AppIcon.MODEL),
    TRAINING("page.training", AppIcon.TRAINING),
    EVALUATION("page.evaluation", AppIcon.EVALUATION),
    RUNS("page.runs", AppIcon.RUNS),
    SWEEPS("page.sweeps", AppIcon.SWEEPS);

    private final String titleKey;
    private final AppIcon icon;

    Page(String titleKey, AppIcon icon) {
        this.titleKey = titleKey;
        this.icon = icon;
    }

    public String titleKey() {
        return titleKey;
    }

    public AppIcon icon() {
        return icon;
    }
}
