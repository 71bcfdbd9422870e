package org.casetrack.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;

/** A request body as JSON, with the hash that makes "the same key with another body" detectable. */
record RequestBody(JsonNode json, String hash) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** @throws ProblemException 400 when the body is not JSON (the message never quotes it) */
    static RequestBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("The request needs a JSON body", List.of(new FieldError("$", "is required")));
        }
        try {
            JsonNode json = JSON.readTree(body);
            return new RequestBody(json, hash(json));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ProblemException.badRequest("The body is not valid JSON" + where, List.of(new FieldError("$", "malformed JSON" + where)));
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read");
        }
    }

    /** SHA-256 of the body with object keys sorted, so formatting and key order do not matter. */
    static String hash(JsonNode json) {
        try {
            Object plain = CANONICAL.treeToValue(json, Object.class);
            byte[] canonical = CANONICAL.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash a request body", e);
        }
    }
}
