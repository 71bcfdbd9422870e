package org.casetrack.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The entry point of {@link BrokerProcess}'s child JVM: starts an {@link EmbeddedKafka} on the given
 * directory and port, prints {@value #READY} and the bootstrap servers, and stops the broker when its
 * standard input ends (the parent closed it, or the parent died) or on SIGTERM.
 */
public final class BrokerProcessMain {
    static final String READY = "casetrack broker ready on ";

    private BrokerProcessMain() {
    }

    /** Arguments: the broker's data directory and its client port (0 for a remembered or free one). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BrokerProcessMain <data directory> <port>");
            System.exit(2);
        }
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        } catch (RuntimeException e) {
            // a broker that failed half way may leave non-daemon threads behind; the parent waits for this exit
            e.printStackTrace(System.out);
            System.exit(1);
            return;
        }
        Thread stopper = new Thread(kafka::close, "broker-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println(READY + kafka.bootstrapServers());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent writes nothing; reading only waits for the end of the stream
        }
        // System.exit runs the shutdown hook, which stops the broker; the broker's non-daemon threads would keep a return from main alive
        System.exit(0);
    }
}
