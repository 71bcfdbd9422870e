package org.casetrack.intake.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;

/** A request body as JSON, with the hash that makes "the same key with another body" detectable. */
record RequestBody(JsonNode json, String hash) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    /**
     * SHA-256 of the body with object keys sorted, so formatting and key order do not matter. The
     * canonical text is written straight from the tree; it is the text an ObjectMapper with
     * ORDER_MAP_ENTRIES_BY_KEYS writes for the body read as plain maps and lists, which earlier
     * releases hashed (the ledger keeps these hashes, so they must not change).
     */
    static String hash(JsonNode json) {
        try {
            StringWriter text = new StringWriter(256);
            try (JsonGenerator generator = JSON.getFactory().createGenerator(text)) {
                writeCanonical(json, generator);
            }
            return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hash a request body", e);
        }
    }

    private static void writeCanonical(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                writeCanonical(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                writeCanonical(element, generator);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
