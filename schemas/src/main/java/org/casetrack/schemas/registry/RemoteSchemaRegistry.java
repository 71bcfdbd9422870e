package org.casetrack.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-API schema registry (Confluent Schema Registry, Apicurio Registry's
 * /apis/ccompat/v7, or casetrack's own embedded registry REST). Schemas by id are cached forever
 * (an id never changes meaning); subject lookups are cached once found.
 */
public final class RemoteSchemaRegistry implements SchemaRegistry {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();

    /**
     * @param baseUrl       e.g. http://registry:8080/apis/ccompat/v7
     * @param authorization the Authorization header value for writes and reads, if the registry needs one
     */
    public RemoteSchemaRegistry(String baseUrl, Optional<String> authorization, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        String cacheKey = subject + "\u0000" + schema;
        Integer cached = idBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Reply reply = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (reply.status == 409) {
            throw new IncompatibleSchemaException(subject, compatibility(subject), List.of(reply.message()));
        }
        int id = reply.ok("register a schema under " + subject).get("id").asInt();
        byId.putIfAbsent(id, schema);
        idBySubjectAndSchema.put(cacheKey, id);
        return id;
    }

    @Override
    public Optional<Integer> lookup(String subject, Schema schema) {
        String cacheKey = subject + "\u0000" + schema;
        Integer cached = idBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Reply reply = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        if (reply.status == 404) {
            return Optional.empty();
        }
        int id = reply.ok("look up a schema under " + subject).get("id").asInt();
        idBySubjectAndSchema.put(cacheKey, id);
        return Optional.of(id);
    }

    @Override
    public Schema byId(int id) {
        Schema cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        Reply reply = send("GET", "/schemas/ids/" + id, null);
        if (reply.status == 404) {
            throw new SchemaNotFoundException(SchemaNotFoundException.Missing.SCHEMA, "Schema id " + id + " is not registered");
        }
        Schema schema = new Schema.Parser().parse(reply.ok("read schema id " + id).get("schema").asText());
        byId.put(id, schema);
        return schema;
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).ok("list subjects").forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        Reply reply = send("GET", "/subjects/" + encode(subject) + "/versions", null);
        if (reply.status == 404) {
            return List.of();
        }
        List<Integer> versions = new ArrayList<>();
        reply.ok("list versions of " + subject).forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    @Override
    public SchemaVersion version(String subject, int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public SchemaVersion latest(String subject) {
        return fetchVersion(subject, "latest");
    }

    private SchemaVersion fetchVersion(String subject, String version) {
        Reply reply = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        if (reply.status == 404) {
            throw new SchemaNotFoundException(SchemaNotFoundException.Missing.VERSION, "Subject " + subject + " has no version " + version);
        }
        JsonNode v = reply.ok("read version " + version + " of " + subject);
        return new SchemaVersion(v.get("subject").asText(), v.get("version").asInt(), v.get("id").asInt(),
                new Schema.Parser().parse(v.get("schema").asText()));
    }

    @Override
    public List<String> compatibilityProblems(String subject, Schema schema) {
        Reply reply = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true", schemaBody(schema));
        if (reply.status == 404) {
            return List.of();
        }
        JsonNode result = reply.ok("check compatibility under " + subject);
        if (result.path("is_compatible").asBoolean(false)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        result.path("messages").forEach(m -> problems.add(m.asText()));
        return problems.isEmpty() ? List.of("incompatible with the latest version of " + subject) : problems;
    }

    @Override
    public Compatibility compatibility(String subject) {
        Reply reply = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
        if (reply.status == 404) {
            return globalCompatibility();
        }
        return Compatibility.valueOf(reply.ok("read compatibility of " + subject).get("compatibilityLevel").asText());
    }

    @Override
    public Compatibility globalCompatibility() {
        return Compatibility.valueOf(send("GET", "/config", null).ok("read global compatibility").get("compatibilityLevel").asText());
    }

    @Override
    public void setCompatibility(String subject, Compatibility level) {
        send("PUT", "/config/" + encode(subject), "{\"compatibility\":\"" + level + "\"}").ok("set compatibility of " + subject);
    }

    @Override
    public void setGlobalCompatibility(Compatibility level) {
        send("PUT", "/config", "{\"compatibility\":\"" + level + "\"}").ok("set global compatibility");
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode schema request", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(a -> request.header("Authorization", a));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new RegistryUnavailableException("Schema registry at " + baseUrl + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while calling the schema registry", e);
        }
    }

    private record Reply(String call, int status, String body) {
        JsonNode ok(String what) {
            if (status / 100 != 2) {
                throw new RegistryUnavailableException("Schema registry refused to " + what + ": HTTP " + status + " " + message(), null);
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new RegistryUnavailableException("Schema registry answered " + call + " with unreadable JSON", e);
            }
        }

        String message() {
            try {
                JsonNode node = JSON.readTree(body);
                return node.path("message").asText(body);
            } catch (IOException e) {
                return body;
            }
        }
    }
}
