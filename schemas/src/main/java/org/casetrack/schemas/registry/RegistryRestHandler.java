package org.casetrack.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The subset of the Confluent schema-registry REST API that stock clients use, independent of any
 * HTTP server: the caller passes method, path (below the registry root), query, body and whether
 * the caller is an administrator, and writes back the returned status and JSON. Reads are open
 * (schemas hold no data); writes need an administrator.
 */
public final class RegistryRestHandler {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry;

    public RegistryRestHandler(SchemaRegistry registry) {
        this.registry = registry;
    }

    public record Response(int status, String body) {
    }

    /** Whether the request changes the registry (and therefore needs an administrator). */
    public static boolean isWrite(String method, String path) {
        return switch (method) {
            case "PUT", "DELETE" -> true;
            case "POST" -> path.matches("/subjects/[^/]+/versions/?");
            default -> false;
        };
    }

    /** Who is calling, as far as the registry cares: writes need an administrator. */
    public enum Caller { ANONYMOUS, AUTHENTICATED, ADMINISTRATOR }

    public Response handle(String method, String path, String query, String body, Caller caller) {
        if (isWrite(method, path) && caller != Caller.ADMINISTRATOR) {
            return caller == Caller.ANONYMOUS
                    ? error(401, 40101, "Registering schemas and changing settings needs an admin token")
                    : error(403, 40301, "Registering schemas and changing settings needs the admin role");
        }
        List<String> parts = segments(path);
        try {
            return route(method, parts, query == null ? "" : query, body);
        } catch (SchemaNotFoundException e) {
            return error(404, e.missing().errorCode, e.getMessage());
        } catch (IncompatibleSchemaException e) {
            return error(409, 409, e.getMessage());
        } catch (SchemaParseException e) {
            return error(422, 42201, "Invalid Avro schema: " + e.getMessage());
        } catch (BadRequest e) {
            return error(e.status, e.code, e.getMessage());
        } catch (RegistryUnavailableException e) {
            return error(503, 50003, e.getMessage());
        }
    }

    private Response route(String method, List<String> p, String query, String body) {
        String route = shape(method, p);
        return switch (route) {
            case "GET schemas/ids/*" -> ok(Map.of("schema", registry.byId(schemaId(p.get(2))).toString()));
            case "GET schemas/types" -> ok(List.of("AVRO"));
            case "GET subjects" -> ok(registry.subjects());
            case "GET subjects/*/versions" -> {
                List<Integer> versions = registry.versions(p.get(1));
                if (versions.isEmpty()) {
                    throw new SchemaNotFoundException(SchemaNotFoundException.Missing.SUBJECT, "Subject '" + p.get(1) + "' not found.");
                }
                yield ok(versions);
            }
            case "GET subjects/*/versions/*" -> ok(versionJson(version(p.get(1), p.get(3))));
            case "GET subjects/*/versions/*/schema" -> new Response(200, version(p.get(1), p.get(3)).schema().toString());
            case "POST subjects/*/versions" -> ok(Map.of("id", registry.register(p.get(1), parseSchema(body))));
            case "POST subjects/*" -> {
                Schema schema = parseSchema(body);
                var id = registry.lookup(p.get(1), schema);
                if (id.isEmpty()) {
                    throw new BadRequest(404, registry.versions(p.get(1)).isEmpty() ? 40401 : 40403,
                            registry.versions(p.get(1)).isEmpty() ? "Subject '" + p.get(1) + "' not found." : "Schema not found");
                }
                SchemaVersion v = registry.versions(p.get(1)).stream().map(n -> registry.version(p.get(1), n))
                        .filter(sv -> sv.id() == id.get()).findFirst().orElseThrow();
                yield ok(versionJson(v));
            }
            case "POST compatibility/subjects/*/versions/*" -> {
                List<String> problems = registry.compatibilityProblems(p.get(2), parseSchema(body));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("is_compatible", problems.isEmpty());
                if (query.contains("verbose=true")) {
                    result.put("messages", problems);
                }
                yield ok(result);
            }
            case "GET config" -> ok(Map.of("compatibilityLevel", registry.globalCompatibility().name()));
            case "GET config/*" -> ok(Map.of("compatibilityLevel", registry.compatibility(p.get(1)).name()));
            case "PUT config" -> {
                Compatibility level = level(body);
                registry.setGlobalCompatibility(level);
                yield ok(Map.of("compatibility", level.name()));
            }
            case "PUT config/*" -> {
                Compatibility level = level(body);
                registry.setCompatibility(p.get(1), level);
                yield ok(Map.of("compatibility", level.name()));
            }
            default -> throw new BadRequest(404, 404, "No such registry endpoint: " + route);
        };
    }

    /** The route with variable segments (those after ids, subjects, versions or config) as '*'. */
    private static String shape(String method, List<String> p) {
        StringBuilder shape = new StringBuilder(method).append(' ');
        for (int i = 0; i < p.size(); i++) {
            boolean variable = i > 0 && List.of("ids", "subjects", "versions", "config").contains(p.get(i - 1));
            shape.append(i > 0 ? "/" : "").append(variable ? "*" : p.get(i));
        }
        return shape.toString();
    }

    private static int schemaId(String id) {
        if (!isNumber(id) || id.length() > 10) {
            throw new BadRequest(404, 40403, "Schema id must be a positive integer, not '" + id + "'");
        }
        return Integer.parseInt(id);
    }

    private SchemaVersion version(String subject, String version) {
        if ("latest".equals(version) || "-1".equals(version)) {
            return registry.latest(subject);
        }
        if (!isNumber(version)) {
            throw new BadRequest(422, 42202, "Version must be a positive integer or 'latest', not '" + version + "'");
        }
        return registry.version(subject, Integer.parseInt(version));
    }

    private static Map<String, Object> versionJson(SchemaVersion v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", v.subject());
        json.put("version", v.version());
        json.put("id", v.id());
        json.put("schema", v.schema().toString());
        return json;
    }

    private static Schema parseSchema(String body) {
        JsonNode node = readBody(body);
        String type = node.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new BadRequest(422, 42201, "Only AVRO schemas are supported, not " + type);
        }
        if (!node.hasNonNull("schema")) {
            throw new BadRequest(422, 42201, "The request body needs a 'schema' field");
        }
        return new Schema.Parser().parse(node.get("schema").asText());
    }

    private static Compatibility level(String body) {
        String value = readBody(body).path("compatibility").asText("");
        try {
            return Compatibility.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(422, 42203, "Invalid compatibility level '" + value + "'");
        }
    }

    private static JsonNode readBody(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new BadRequest(400, 400, "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest(400, 400, "The request body is not valid JSON");
        }
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static Response ok(Object value) {
        try {
            return new Response(200, JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write registry response", e);
        }
    }

    private static Response error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        try {
            return new Response(status, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write registry error", e);
        }
    }

    private static final class BadRequest extends RuntimeException {
        final int status;
        final int code;

        BadRequest(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
