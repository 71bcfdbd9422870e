package org.casetrack.feeds.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that records every request and answers 200, or an error while it
 * is told to fail (the next n requests, or until it recovers).
 */
public final class Receiver implements AutoCloseable {
    /** One request as received, and the status it was answered with. */
    public record Delivery(String id, String timestamp, String signature, String contentType, String body, int status) {
        public boolean accepted() {
            return status == 200;
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public static Receiver start() throws IOException {
        return new Receiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code n} requests are answered 500. */
    public Receiver failNext(int n) {
        failuresLeft.set(n);
        return this;
    }

    /** Every request is answered 503 until {@link #recover()}. */
    public Receiver goDown() {
        down = true;
        return this;
    }

    public void recover() {
        down = false;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> accepted() {
        return deliveries.stream().filter(Delivery::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = down ? 503 : failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
        var headers = exchange.getRequestHeaders();
        deliveries.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"), headers.getFirst("content-type"), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
