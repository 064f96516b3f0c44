package dev.flotilla.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.prefs.Prefs.Theme;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Parent;

/** Dark or light AtlantaFX theme: as chosen in the settings, or as the operating system's colour scheme says. */
final class Themes {

    private final ObjectProperty<Theme> choice;
    private final Parent root;

    Themes(Prefs prefs, Parent root) {
        this.choice = prefs.theme();
        this.root = root;
        choice.addListener((o, a, b) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> {
            if (choice.get() == Theme.SYSTEM) apply();
        });
        apply();
    }

    boolean dark() {
        return switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    void apply() {
        boolean dark = dark();
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }
}
