package org.casetrack.devstack;

/** A running single-node broker: in this JVM ({@link EmbeddedKafka}) or in a JVM of its own ({@link BrokerProcess}). */
public interface KafkaBroker extends AutoCloseable {
    String bootstrapServers();

    /** Stops the broker and waits until it has stopped. */
    @Override
    void close();
}
