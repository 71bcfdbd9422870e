package org.casetrack.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A plain HTTP/1.1 client over blocking sockets, as HTTP load generators such as wrk are: keep-alive
 * connections, each carrying one request at a time, written in one go and its answer read by
 * Content-Length or by chunks. It exists because the load generator shares the machine (and the
 * JVM) with what it measures: the JDK's HttpClient spent a quarter to a half of a core of a 2-core
 * machine on 2,000 queries/s, in its selector and worker threads, which the services then did not
 * have. Idle connections are shared by every calling thread (first in, first out), so a load phase
 * whose new workers follow its warm-up's goes on over the warm-up's connections instead of opening
 * and closing one per worker in its first milliseconds; one idle for longer than {@code maxIdle} is
 * closed rather than used (the server may have closed it meanwhile). A GET that fails on a
 * connection used before is sent again once on a new one; a POST is not.
 */
final class Http1Client implements AutoCloseable {
    record Response(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private final byte[] fixedHeaders;
    private final int timeoutMillis;
    private final long maxIdleNanos;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    /**
     * @param headers sent with every request, e.g. Authorization
     * @param maxIdle how long a connection may have been idle and still be used
     */
    Http1Client(URI base, String headers, int timeoutMillis, Duration maxIdle) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.fixedHeaders = ("Host: " + host + ":" + port + "\r\n" + headers).getBytes(StandardCharsets.ISO_8859_1);
        this.timeoutMillis = timeoutMillis;
        this.maxIdleNanos = maxIdle.toNanos();
    }

    Response get(String path) throws IOException {
        return exchange("GET", path, null, true);
    }

    Response post(String path, byte[] json) throws IOException {
        return exchange("POST", path, json, false);
    }

    private Response exchange(String method, String path, byte[] body, boolean idempotent) throws IOException {
        Connection connection = takeIdle();
        boolean reused = connection != null;
        if (connection == null) {
            connection = connect();
        }
        try {
            return release(connection, connection.exchange(method, path, body));
        } catch (IOException e) {
            drop(connection);
            if (reused && idempotent) {
                Connection fresh = connect();
                try {
                    return release(fresh, fresh.exchange(method, path, body));
                } catch (IOException again) {
                    drop(fresh);
                    throw again;
                }
            }
            throw e;
        }
    }

    /** The longest idle connection not idle for too long; older ones are closed on the way. */
    private Connection takeIdle() {
        long now = System.nanoTime();
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (now - c.idleSince <= maxIdleNanos) {
                return c;
            }
            drop(c);
        }
        return null;
    }

    private Connection connect() throws IOException {
        Connection connection = new Connection();
        open.add(connection);
        return connection;
    }

    /** Puts a connection the answer left open back among the idle ones. */
    private Response release(Connection connection, Exchanged exchanged) {
        if (exchanged.keepAlive()) {
            connection.idleSince = System.nanoTime();
            idle.offerLast(connection);
        } else {
            drop(connection);
        }
        return exchanged.response();
    }

    private void drop(Connection connection) {
        connection.close();
        open.remove(connection);
    }

    /** Connections open, in use or idle. */
    int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        idle.clear();
        open.forEach(Connection::close);
        open.clear();
    }

    private record Exchanged(Response response, boolean keepAlive) {
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private volatile long idleSince;

        Connection() throws IOException {
            this.socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 5_000));
            // small buffers: a phase keeps a connection per worker (up to 256) open, and whatever they
            // hold is copied by every young collection of the JVM the services share
            this.in = new BufferedInputStream(socket.getInputStream(), 4 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
        }

        Exchanged exchange(String method, String path, byte[] body) throws IOException {
            out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(fixedHeaders);
            if (body != null) {
                out.write(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
            } else {
                out.write('\r');
                out.write('\n');
            }
            out.flush();
            return read();
        }

        private Exchanged read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("Not an HTTP/1.x answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false, close = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close |= value.contains("close");
                    default -> { }
                }
            }
            byte[] payload;
            if (status < 200 || status == 204 || status == 304) {
                payload = new byte[0];
            } else if (chunked) {
                payload = chunks();
            } else if (length >= 0) {
                payload = in.readNBytes((int) length);
                if (payload.length < length) {
                    throw new EOFException("Answer shorter than its Content-Length");
                }
            } else {
                payload = in.readAllBytes();
                close = true;
            }
            return new Exchanged(new Response(status, payload), !close);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers, ignored
                    }
                    return all.toByteArray();
                }
                byte[] chunk = in.readNBytes(n);
                if (chunk.length < n) {
                    throw new EOFException("Chunk shorter than its size");
                }
                all.write(chunk);
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("Connection closed");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
