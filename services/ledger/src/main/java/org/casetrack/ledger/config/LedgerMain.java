package org.casetrack.ledger.config;

import io.micronaut.context.ApplicationContext;

/**
 * Runs the ledger alone (compose, or a developer's shell): settings from the environment
 * (KAFKA_BOOTSTRAP_SERVERS, CASETRACK_*, LEDGER_*, SCHEMA_REGISTRY_URL). Stops cleanly on SIGTERM.
 */
public final class LedgerMain {
    private LedgerMain() {
    }

    public static void main(String[] args) {
        ApplicationContext context = ApplicationContext.builder().args(args).start();
        // the Streams threads keep the JVM alive; the hook closes the ledger leaving its group
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "ledger-shutdown"));
    }
}
