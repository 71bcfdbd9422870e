package org.casetrack.casefiles;

import io.micronaut.runtime.Micronaut;

/** Runs the case files alone (compose): the projector and the HTTP API. Standalone runs them with every other service in one context. */
public final class CaseFilesMain {
    private CaseFilesMain() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(CaseFilesMain.class).start();
    }
}
