package org.casetrack.intake.api;

import org.casetrack.access.http.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one JSON object field by field, collecting every problem instead of stopping at the first,
 * so a 400 names every bad field. Messages describe what is expected and never repeat the value,
 * which could be personal.
 */
public final class JsonInput {
    /** Dates in the world cannot be later than today in the latest zone on earth. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> problems;
    private final Set<String> read = new HashSet<>();

    private JsonInput(ObjectNode node, String path, List<FieldError> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The body as an object, or a problem at the root. */
    public static JsonInput root(JsonNode body, List<FieldError> problems) {
        if (body == null || !body.isObject()) {
            problems.add(new FieldError("$", "the body must be a JSON object"));
            return new JsonInput(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "", problems);
        }
        return new JsonInput((ObjectNode) body, "", problems);
    }

    public List<FieldError> problems() {
        return problems;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void problem(String name, String message) {
        problems.add(new FieldError(at(name), message));
    }

    private JsonNode take(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String name) {
        return take(name) != null;
    }

    /** Every field not read is unknown: reported, so a typo never silently drops data. */
    public void rejectUnknownFields() {
        node.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                problem(name, "unknown field");
            }
        });
    }

    public String requiredString(String name, int maxLength) {
        return optionalString(name, maxLength).orElseGet(() -> {
            if (take(name) == null) {
                problem(name, "is required");
            }
            return null;
        });
    }

    public Optional<String> optionalString(String name, int maxLength) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(name, "must be a string");
            return Optional.empty();
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            problem(name, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        JsonNode value = take(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return defaultValue;
        }
        return value.asBoolean();
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    public boolean requiredBoolean(String name) {
        if (take(name) == null) {
            problem(name, "is required");
            return false;
        }
        return optionalBoolean(name, false);
    }

    public Integer requiredInt(String name, int min, int max) {
        JsonNode value = take(name);
        if (value == null) {
            problem(name, "is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            problem(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    public Optional<Double> optionalNumber(String name, double min, double max) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            problem(name, "must be a number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.asDouble());
    }

    /** A world date: ISO 8601, not after today anywhere on earth. */
    public LocalDate requiredPastDate(String name) {
        if (take(name) == null) {
            problem(name, "is required");
            return null;
        }
        return optionalPastDate(name).orElse(null);
    }

    public Optional<LocalDate> optionalPastDate(String name) {
        Optional<LocalDate> date = optionalDate(name);
        if (date.isPresent() && date.get().isAfter(LocalDate.now(LATEST_ZONE))) {
            problem(name, "is in the future");
            return Optional.empty();
        }
        return date;
    }

    /** Any date, future allowed (an expiry). */
    public Optional<LocalDate> optionalDate(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(name, "must be a date like 2026-01-17");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.asText()));
        } catch (DateTimeParseException e) {
            problem(name, "must be a real date like 2026-01-17");
            return Optional.empty();
        }
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (take(name) == null) {
            problem(name, "is required");
            return null;
        }
        return optionalEnum(name, type).orElse(null);
    }

    public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        return parseEnum(at(name), value, type);
    }

    private <E extends Enum<E>> Optional<E> parseEnum(String fullPath, JsonNode value, Class<E> type) {
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.asText())) {
                    return Optional.of(constant);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        problems.add(new FieldError(fullPath, "must be one of " + String.join(", ", names)));
        return Optional.empty();
    }

    public <E extends Enum<E>> List<E> enumList(String name, Class<E> type) {
        List<E> values = new ArrayList<>();
        JsonNode array = take(name);
        if (array == null) {
            return values;
        }
        if (!array.isArray()) {
            problem(name, "must be a list");
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            parseEnum(at(name + "[" + i + "]"), array.get(i), type).ifPresent(values::add);
        }
        return values;
    }

    /** An ISO 3166-1 alpha-2 code in upper case; XX (unknown) only where allowed. */
    public String requiredCountry(String name, boolean unknownAllowed) {
        if (take(name) == null) {
            problem(name, "is required");
            return null;
        }
        return optionalCountry(name, unknownAllowed).orElse(null);
    }

    public Optional<String> optionalCountry(String name, boolean unknownAllowed) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual() && (COUNTRIES.contains(value.asText()) || (unknownAllowed && "XX".equals(value.asText())))) {
            return Optional.of(value.asText());
        }
        problem(name, "must be an ISO 3166-1 alpha-2 country code in upper case" + (unknownAllowed ? " (XX when unknown)" : ""));
        return Optional.empty();
    }

    public List<String> countryList(String name) {
        return stringList(name, 300, v -> COUNTRIES.contains(v) ? null : "must be ISO 3166-1 alpha-2 country codes");
    }

    public Optional<String> optionalUuid(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || !UUID_TEXT.matcher(value.asText()).matches()) {
            problem(name, "must be an id (UUID)");
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(value.asText()).toString());
    }

    /** A list of strings, each checked by {@code check} (null when fine, else the message). */
    public List<String> stringList(String name, int maxItems, Function<String, String> check) {
        List<String> values = new ArrayList<>();
        JsonNode array = take(name);
        if (array == null) {
            return values;
        }
        if (!array.isArray() || array.size() > maxItems) {
            problem(name, "must be a list of at most " + maxItems + " strings");
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String message = item.isTextual() ? check.apply(item.asText()) : "must be a string";
            if (message != null) {
                problem(name + "[" + i + "]", message);
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    public Optional<JsonInput> optionalObject(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problem(name, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonInput((ObjectNode) value, at(name), problems));
    }

    public List<JsonInput> objectList(String name, int minItems, int maxItems) {
        JsonNode array = take(name);
        List<JsonInput> items = new ArrayList<>();
        if (array == null) {
            if (minItems > 0) {
                problem(name, "is required");
            }
            return items;
        }
        if (!array.isArray() || array.size() < minItems || array.size() > maxItems) {
            problem(name, "must be a list of " + minItems + " to " + maxItems + " objects");
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                problem(name + "[" + i + "]", "must be an object");
            } else {
                items.add(new JsonInput((ObjectNode) array.get(i), at(name + "[" + i + "]"), problems));
            }
        }
        return items;
    }

    /**
     * Passes a value to a builder's setter unless it is missing: Avro builders refuse null for
     * required fields, and a request with a missing field is refused anyway once all are read.
     */
    public static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** Records a problem on a field that is read but inconsistent with others. */
    public void invalid(String name, String message) {
        problem(name, message);
    }
}
