package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    private MainViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new MainViewModel(new CurrentThreadTaskExecutor());
        Workbench workbench = new Workbench(viewModel, org.cardiacrnn.app.data.RecentFiles.inMemory(),
                java.nio.file.Path.of("target", "ui-test-home"));
        stage.setScene(new Scene(workbench.mainView(), 1280, 800));
        stage.show();
    }

    @Test
    void clickingARailButtonShowsThatPage(FxRobot robot) {
        robot.clickOn("#nav-training");
        assertThat(viewModel.currentPageProperty().get()).isEqualTo(Page.TRAINING);
        assertThat(robot.lookup("#nav-training").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-data").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).isEqualTo("Ready");
    }
}
