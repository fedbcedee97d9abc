package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;

class AppIconTest {

    /** The workbench names its glyphs itself; a typo would show an empty box or the wrong icon. */
    @Test
    void everyIconIsTheGlyphOfTheSameNameInIkonlisPack() {
        for (AppIcon icon : AppIcon.values()) {
            IkonHandler handler = ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get)
                    .filter(candidate -> candidate.supports(icon.getDescription())).findFirst().orElseThrow();

            assertThat(handler.resolve(icon.getDescription()).getCode()).as(icon.name()).isEqualTo(icon.getCode());
        }
    }
}
