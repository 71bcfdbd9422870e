package org.casetrack.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Ports of embedded servers, remembered in their data directory: a server restarted on the same
 * directory comes back on the same port (a KRaft controller records its own endpoint).
 */
final class Ports {
    private Ports() {
    }

    /** The port for {@code name}: the requested one if not 0, else the remembered one, else a free one. */
    static int resolve(Path dir, String name, int requested) {
        Path file = dir.resolve("ports.properties");
        Properties remembered = new Properties();
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    remembered.load(in);
                }
            }
            int port = requested != 0 ? requested
                    : remembered.containsKey(name) ? Integer.parseInt(remembered.getProperty(name)) : free();
            remembered.setProperty(name, Integer.toString(port));
            try (OutputStream out = Files.newOutputStream(file)) {
                remembered.store(out, "ports of embedded servers, reused on restart");
            }
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember ports in " + dir, e);
        }
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
