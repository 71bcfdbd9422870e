package org.casetrack.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The plain load client against the JDK's own HTTP server and a raw socket server that misbehaves on purpose. */
class Http1ClientTest {

    @Test
    void sharesIdleConnectionsBetweenThreadsAndReadsSizedAndChunkedAnswers() throws Exception {
        Set<String> peers = ConcurrentHashMap.newKeySet();
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            peers.add(exchange.getRemoteAddress().toString());
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (seen) {
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                        + " " + new String(body, StandardCharsets.UTF_8));
            }
            byte[] answer = ("echo:" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().equals("/chunked");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, chunked ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (chunked) {
                    out.write(answer, 0, 3);
                    out.flush();
                    out.write(answer, 3, answer.length - 3);
                } else {
                    out.write(answer);
                }
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        try (Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "Authorization: Bearer t0k3n\r\n", 5_000, Duration.ofMinutes(1))) {
            for (int i = 0; i < 5; i++) {
                Http1Client.Response posted = client.post("/reports?i=" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                assertThat(posted.status()).isEqualTo(201);
                assertThat(new String(posted.body(), StandardCharsets.UTF_8)).isEqualTo("echo:{\"n\":" + i + "}");
            }
            Http1Client.Response chunked = client.get("/chunked");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo("echo:");
            assertThat(peers).as("one request at a time, one connection").hasSize(1);

            Thread other = new Thread(() -> {
                try {
                    assertThat(client.get("/sized").status()).isEqualTo(200);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();
            assertThat(peers).as("another thread later, the same idle connection").hasSize(1);

            // two requests at once take two connections, and both stay open for whoever comes next
            CountDownLatch inFlight = new CountDownLatch(2);
            server.createContext("/slow", exchange -> {
                peers.add(exchange.getRemoteAddress().toString());
                inFlight.countDown();
                try {
                    inFlight.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, 2);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("ok".getBytes(StandardCharsets.UTF_8));
                }
            });
            List<Thread> both = List.of(new Thread(() -> getOk(client, "/slow")), new Thread(() -> getOk(client, "/slow")));
            both.forEach(Thread::start);
            for (Thread t : both) {
                t.join();
            }
            assertThat(peers).hasSize(2);
            assertThat(client.openConnections()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
        assertThat(seen).first().isEqualTo("POST /reports?i=0 Bearer t0k3n {\"n\":0}");
        assertThat(seen).last().isEqualTo("GET /sized Bearer t0k3n ");
    }

    @Test
    void aConnectionIdleForTooLongIsClosedRatherThanUsed() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger closedByClient = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // keeps every connection and answers each request on it until the client closes it
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket socket = listener.accept();
                        accepted.incrementAndGet();
                        Thread serve = new Thread(() -> {
                            try (socket) {
                                while (true) {
                                    readHead(socket.getInputStream());
                                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                                    socket.getOutputStream().flush();
                                }
                            } catch (IOException e) {
                                closedByClient.incrementAndGet();
                            }
                        });
                        serve.setDaemon(true);
                        serve.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + listener.getLocalPort()), "", 5_000,
                    Duration.ofMillis(200))) {
                assertThat(client.get("/a").status()).isEqualTo(200);
                assertThat(client.get("/b").status()).isEqualTo(200);
                assertThat(accepted.get()).as("reused while fresh").isEqualTo(1);
                Thread.sleep(400);
                assertThat(client.get("/c").status()).isEqualTo(200);
                assertThat(accepted.get()).as("a new one after the idle limit").isEqualTo(2);
                assertThat(client.openConnections()).isEqualTo(1);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (closedByClient.get() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(closedByClient.get()).as("the stale one closed").isEqualTo(1);
            }
        }
    }

    private static void getOk(Http1Client client, String path) {
        try {
            assertThat(client.get(path).status()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGetIsSentAgainWhenItsIdleConnectionWasClosedAndAPostIsNot() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // answers one request per connection with keep-alive headers, then closes it: the client's next call finds it closed
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        connections.incrementAndGet();
                        InputStream in = socket.getInputStream();
                        String head = readHead(in);
                        requests.incrementAndGet();
                        int length = head.contains("Content-Length: ") ? Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1")) : 0;
                        in.readNBytes(length);
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + listener.getLocalPort()), "", 5_000, Duration.ofMinutes(1))) {
                assertThat(client.get("/a").status()).isEqualTo(200);
                Thread.sleep(100);
                assertThat(client.get("/b").status()).as("sent again on a new connection").isEqualTo(200);
                assertThat(connections.get()).isEqualTo(2);
                Thread.sleep(100);
                assertThatThrownBy(() -> client.post("/c", "{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
                assertThat(client.post("/d", "{}".getBytes(StandardCharsets.UTF_8)).status()).as("a new connection after the failure")
                        .isEqualTo(200);
            }
        }
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void anAnswerWithoutLengthIsReadToTheEndAndItsConnectionDropped() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket socket = listener.accept()) {
                        readHead(socket.getInputStream());
                        socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\nbusy " + i)
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + listener.getLocalPort()), "", 5_000, Duration.ofMinutes(1))) {
                Http1Client.Response first = client.get("/x");
                assertThat(first.status()).isEqualTo(503);
                assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("busy 0");
                assertThat(new String(client.post("/y", new byte[0]).body(), StandardCharsets.UTF_8)).isEqualTo("busy 1");
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
