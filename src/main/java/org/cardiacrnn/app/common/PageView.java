package org.cardiacrnn.app.common;

import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * The one lifecycle of every page (Bisq 2's view lifecycle): the constructor builds the nodes and wires what
 * stays inside the page; {@link #onAttach()} binds the page to its view-model and the session each time the
 * main window shows it; the main window ends those subscriptions when another page replaces it. A hidden page
 * therefore neither redraws for changes nobody sees nor holds listeners on the long-lived view-models and
 * session, and a page shown again starts from their current state.
 */
public interface PageView {

    /**
     * Binds the page to its view-model and shows the view-model's current state.
     *
     * @return every listener and binding made here, ended by the main window when the page is hidden
     */
    Subscription onAttach();

    /** Called after the page was hidden and its subscriptions ended, for anything more a page must release. */
    default void onDetach() {
    }

    /** Binds {@code target} to {@code source} until the returned subscription ends. */
    static <T> Subscription bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        return target::unbind;
    }
}
