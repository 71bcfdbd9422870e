package org.casetrack.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Body hashes ignore formatting and key order, and stay what earlier releases computed. */
class RequestBodyTest {
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The hash as releases before the tree-walking writer computed it (the ledger keeps these). */
    private static String earlierHash(JsonNode json) throws Exception {
        Object plain = CANONICAL.treeToValue(json, Object.class);
        byte[] canonical = CANONICAL.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    }

    private static RequestBody parse(String body) {
        return RequestBody.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formattingAndKeyOrderDoNotChangeTheHash() {
        String hash = parse("{\"b\": [1, {\"y\": 2, \"x\": 1}], \"a\": \"s\"}").hash();

        assertThat(parse("{\n  \"a\":\"s\",\n  \"b\":[1,{\"x\":1,\"y\":2}]\n}").hash()).isEqualTo(hash);
        assertThat(parse("{\"a\":\"s\",\"b\":[{\"x\":1,\"y\":2},1]}").hash()).isNotEqualTo(hash);
        assertThat(parse("{\"a\":\"t\",\"b\":[1,{\"x\":1,\"y\":2}]}").hash()).isNotEqualTo(hash);
    }

    @Test
    void hashesWhatEarlierReleasesHashedForEveryKindOfValue() throws Exception {
        List<String> bodies = List.of(
                "{\"compoundId\":\"c-1\",\"persons\":[{\"nationality\":\"TH\",\"escapedOn\":\"2026-01-05\",\"minor\":false,"
                        + "\"personal\":{\"fullName\":\"Ánh Nguyễn 😀\",\"notes\":\"line\\nbreak \\\"quoted\\\" \\\\ \\u0001\"}}]}",
                "{\"n\":[0,-1,2147483647,2147483648,-9223372036854775808,9223372036854775808,1.5,1e10,1E-7,0.1,-0.0,1e400,123456789.987654321]}",
                "{\"Z\":1,\"a\":2,\"_\":3,\"é\":4,\"aa\":5,\"A\":6,\"\":7,\"z\":null,\"t\":true,\"f\":false}",
                "{\"lone\":\"\\ud800 half\",\"pair\":\"\\ud83d\\ude00\",\"slash\":\"a/b\",\"ctl\":\"\\t\\r\\b\\f\"}",
                "[3,{\"b\":{},\"a\":[]},\"x\",null]",
                "\"just a string\"",
                "42",
                "{}");
        for (String body : bodies) {
            RequestBody parsed = parse(body);
            assertThat(parsed.hash()).as(body).isEqualTo(earlierHash(parsed.json()));
        }
    }

    @Test
    void hashesWhatEarlierReleasesHashedForRandomTrees() throws Exception {
        SplittableRandom random = new SplittableRandom(20260117);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = new ObjectMapper().readTree(randomJson(random, 0));
            assertThat(RequestBody.hash(tree)).isEqualTo(earlierHash(tree));
        }
    }

    private static String randomJson(SplittableRandom random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        StringBuilder out = new StringBuilder();
        switch (kind) {
            case 0 -> {
                out.append('{');
                int fields = random.nextInt(5);
                for (int f = 0; f < fields; f++) {
                    out.append(f == 0 ? "" : ",").append('"').append(randomText(random)).append(f).append("\":")
                            .append(randomJson(random, depth + 1));
                }
                out.append('}');
            }
            case 1 -> {
                out.append('[');
                int elements = random.nextInt(5);
                for (int e = 0; e < elements; e++) {
                    out.append(e == 0 ? "" : ",").append(randomJson(random, depth + 1));
                }
                out.append(']');
            }
            case 2 -> out.append('"').append(randomText(random)).append('"');
            case 3 -> out.append(random.nextLong());
            case 4 -> out.append(random.nextDouble() * Math.pow(10, random.nextInt(-10, 20)));
            case 5 -> out.append(random.nextBoolean());
            default -> out.append("null");
        }
        return out.toString();
    }

    private static final List<String> TEXT_PIECES = List.of("a", "Z", "_", "9", " ", "é", "中", "😀", "\\n", "\\\"", "\\u0007", "\\ud800");

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(TEXT_PIECES.get(random.nextInt(TEXT_PIECES.size())));
        }
        return text.toString();
    }
}
