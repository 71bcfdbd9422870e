package org.casetrack.views;

import io.micronaut.runtime.Micronaut;

/** Runs the views service alone (HTTP API and its Streams application). */
public final class ViewsMain {
    private ViewsMain() {
    }

    public static void main(String[] args) {
        Micronaut.run(ViewsMain.class, args);
    }
}
