package org.casetrack.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.casetrack.avro.CaseEvent;
import org.casetrack.schemas.registry.RegistryRestHandler.Caller;
import org.casetrack.schemas.registry.RegistryRestHandler.Response;
import org.junit.jupiter.api.Test;

class RegistryRestHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final RegistryRestHandler rest = new RegistryRestHandler(registry);

    @Test
    void schemaByIdIsOpenToAnyone() throws Exception {
        int id = registry.register("case-events-value", CaseEvent.getClassSchema());

        Response response = rest.handle("GET", "/schemas/ids/" + id, "", null, Caller.ANONYMOUS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText())).isEqualTo(CaseEvent.getClassSchema());
    }

    @Test
    void registrationNeedsAnAdministrator() throws Exception {
        String body = body(SchemaBuilder.record("R").fields().requiredString("a").endRecord());

        assertThat(rest.handle("POST", "/subjects/r-value/versions", "", body, Caller.ANONYMOUS).status()).isEqualTo(401);
        assertThat(rest.handle("POST", "/subjects/r-value/versions", "", body, Caller.AUTHENTICATED).status()).isEqualTo(403);
        assertThat(registry.subjects()).isEmpty();

        Response ok = rest.handle("POST", "/subjects/r-value/versions", "", body, Caller.ADMINISTRATOR);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("id").asInt()).isEqualTo(registry.lookup("r-value",
                SchemaBuilder.record("R").fields().requiredString("a").endRecord()).orElseThrow());
    }

    @Test
    void subjectsVersionsAndLatest() throws Exception {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").optionalString("b").endRecord();
        registry.register("r-value", v1);
        int id2 = registry.register("r-value", v2);

        assertThat(json(rest.handle("GET", "/subjects", "", null, Caller.ANONYMOUS)).toString()).isEqualTo("[\"r-value\"]");
        assertThat(json(rest.handle("GET", "/subjects/r-value/versions", "", null, Caller.ANONYMOUS)).toString()).isEqualTo("[1,2]");
        JsonNode latest = json(rest.handle("GET", "/subjects/r-value/versions/latest", "", null, Caller.ANONYMOUS));
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        JsonNode lookedUp = json(rest.handle("POST", "/subjects/r-value", "", body(v1), Caller.ANONYMOUS));
        assertThat(lookedUp.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void unknownThingsAre404WithConfluentErrorCodes() throws Exception {
        Response id = rest.handle("GET", "/schemas/ids/99", "", null, Caller.ANONYMOUS);
        Response subject = rest.handle("GET", "/subjects/nope/versions", "", null, Caller.ANONYMOUS);
        registry.register("r-value", SchemaBuilder.record("R").fields().requiredString("a").endRecord());
        Response version = rest.handle("GET", "/subjects/r-value/versions/3", "", null, Caller.ANONYMOUS);

        assertThat(id.status()).isEqualTo(404);
        assertThat(json(subject).get("error_code").asInt()).isEqualTo(40401);
        assertThat(json(version).get("error_code").asInt()).isEqualTo(40402);
    }

    @Test
    void incompatibleRegistrationIs409AndCompatibilityCheckExplains() throws Exception {
        registry.register("r-value", SchemaBuilder.record("R").fields().requiredString("a").endRecord());
        String bad = body(SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").endRecord());

        Response check = rest.handle("POST", "/compatibility/subjects/r-value/versions/latest", "verbose=true", bad, Caller.ANONYMOUS);
        Response register = rest.handle("POST", "/subjects/r-value/versions", "", bad, Caller.ADMINISTRATOR);

        assertThat(json(check).get("is_compatible").asBoolean()).isFalse();
        assertThat(json(check).get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(register.status()).isEqualTo(409);
        assertThat(registry.versions("r-value")).containsExactly(1);
    }

    @Test
    void configReadsAndWrites() throws Exception {
        assertThat(json(rest.handle("GET", "/config", "", null, Caller.ANONYMOUS)).get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(rest.handle("PUT", "/config/r-value", "", "{\"compatibility\":\"BACKWARD\"}", Caller.AUTHENTICATED).status()).isEqualTo(403);
        assertThat(rest.handle("PUT", "/config/r-value", "", "{\"compatibility\":\"BACKWARD\"}", Caller.ADMINISTRATOR).status()).isEqualTo(200);
        assertThat(json(rest.handle("GET", "/config/r-value", "", null, Caller.ANONYMOUS)).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(rest.handle("PUT", "/config", "", "{\"compatibility\":\"SOMETIMES\"}", Caller.ADMINISTRATOR).status()).isEqualTo(422);
    }

    @Test
    void malformedBodiesAreRefusedClearly() {
        Response notJson = rest.handle("POST", "/subjects/r-value/versions", "", "{oops", Caller.ADMINISTRATOR);
        Response notAvro = rest.handle("POST", "/subjects/r-value/versions", "", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}", Caller.ADMINISTRATOR);

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notAvro.status()).isEqualTo(422);
        assertThat(registry.subjects()).isEmpty();
    }

    private static String body(Schema schema) throws Exception {
        return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.body());
    }
}
