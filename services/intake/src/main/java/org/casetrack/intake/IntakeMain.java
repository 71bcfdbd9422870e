package org.casetrack.intake;

import io.micronaut.runtime.Micronaut;

/** Runs intake alone (compose); standalone runs it with every other service in one context. */
public final class IntakeMain {
    private IntakeMain() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(IntakeMain.class).start();
    }
}
