package org.casetrack.feeds;

import io.micronaut.runtime.Micronaut;

/** Runs the embassy feeds alone (compose); standalone runs them with every other service in one context. */
public final class FeedsMain {
    private FeedsMain() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(FeedsMain.class).start();
    }
}
