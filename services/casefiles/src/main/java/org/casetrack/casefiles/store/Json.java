package org.casetrack.casefiles.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The json columns: facts records and clear event details, written and read with one Jackson
 * mapper (dates as ISO strings, nulls left out). Unknown properties are ignored, so rows written by
 * a newer version still read.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static String write(Object value) {
        return written(value, MAPPER::writeValueAsString);
    }

    /**
     * The json of {@code value} as a row's column value: UTF-8 bytes for COPY, which sends bytes (made
     * without a String in between), else a String, as the live path's statements bind it.
     */
    static Object column(Object value, boolean forCopy) {
        return forCopy ? written(value, MAPPER::writeValueAsBytes) : write(value);
    }

    @FunctionalInterface
    private interface Writer<T> {
        T write(Object value) throws JsonProcessingException;
    }

    private static <T> T written(Object value, Writer<T> writer) {
        try {
            return writer.write(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            // the message quotes the JSON; the facts hold no personal data, but keep the habit
            throw new IllegalStateException("Cannot read a " + type.getSimpleName() + " from the database", null);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String json) {
        return read(json, LinkedHashMap.class);
    }
}
