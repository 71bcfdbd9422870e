package org.casetrack.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.casetrack.schemas.registry.RegistryRestHandler;
import org.casetrack.schemas.registry.RegistryRestHandler.Caller;
import org.casetrack.schemas.registry.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the embedded registry's Confluent REST subset on its own port with the JDK's HTTP server,
 * for stock clients and the compose-style remote client. (Standalone also serves it under /registry
 * on its main port.)
 */
public final class RegistryHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpServer.class);
    private static final int MAX_BODY = 1024 * 1024;

    private final HttpServer server;

    private RegistryHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param callerOf who the Authorization header's bearer token (null when absent) belongs to
     */
    public static RegistryHttpServer start(SchemaRegistry registry, int port, Function<String, Caller> callerOf) {
        RegistryRestHandler handler = new RegistryRestHandler(registry);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "registry-http");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> serve(handler, callerOf, exchange));
            server.start();
            LOG.info("Schema registry REST on http://localhost:{}", server.getAddress().getPort());
            return new RegistryHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the schema registry on port " + port, e);
        }
    }

    private static void serve(RegistryRestHandler handler, Function<String, Caller> callerOf, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            RegistryRestHandler.Response response;
            if (body.length > MAX_BODY) {
                response = new RegistryRestHandler.Response(413, "{\"error_code\":413,\"message\":\"Request body over 1 MiB\"}");
            } else {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
                response = handler.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), new String(body, StandardCharsets.UTF_8), callerOf.apply(token));
            }
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RegistryRestHandler.CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
