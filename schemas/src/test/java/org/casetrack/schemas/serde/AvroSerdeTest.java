package org.casetrack.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.schemas.Samples;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroSerde<CaseEvent> serde = new AvroSerde<>(registry, CaseEvent.class, true);

    @Test
    void eventRoundTripsThroughTheWireFormat() {
        CaseEvent event = Samples.escapeReported();

        byte[] bytes = serde.serialize("case-events", event);

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registry.lookup("case-events-value", CaseEvent.getClassSchema()).orElseThrow());
        assertThat(serde.deserialize("case-events", bytes)).isEqualTo(event);
    }

    @Test
    void knownEventEncodesToKnownBytes() throws IOException {
        byte[] bytes = serde.serialize("case-events", Samples.escapeReported());
        String body = HexFormat.of().formatHex(Arrays.copyOfRange(bytes, WireFormat.HEADER_LENGTH, bytes.length));

        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/case-event-escape-reported.hex")) {
            assertThat(in).as("golden fixture").isNotNull();
            String golden = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            assertThat(body).as("the wire encoding of CaseEvent changed: an incompatible change for every consumer").isEqualTo(golden);
        }
    }

    @Test
    void garbageBytesGiveASerializationExceptionNamingTheTopic() {
        assertThatThrownBy(() -> serde.deserialize("case-events", "not avro at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("case-events")
                .hasMessageContaining("magic byte");
    }

    @Test
    void shortRecordGivesASerializationException() {
        assertThatThrownBy(() -> serde.deserialize("case-events", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("shorter than the 5-byte header");
    }

    @Test
    void unknownSchemaIdGivesASerializationException() {
        byte[] framed = WireFormat.frame(123456, new byte[] {2, 4, 6});

        assertThatThrownBy(() -> serde.deserialize("case-events", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 123456");
    }

    @Test
    void truncatedBodyGivesASerializationException() {
        byte[] bytes = serde.serialize("case-events", Samples.escapeReported());

        assertThatThrownBy(() -> serde.deserialize("case-events", Arrays.copyOf(bytes, bytes.length - 10)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be decoded as CaseEvent");
    }

    @Test
    void recordOfAnotherTypeIsRefused() {
        AvroSerde<CompoundState> other = new AvroSerde<>(registry, CompoundState.class, true);
        byte[] event = serde.serialize("case-events", Samples.escapeReported());

        assertThatThrownBy(() -> other.deserialize("case-events", event)).isInstanceOf(SerializationException.class);
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsRefusedClearly() {
        AvroSerde<CaseEvent> strict = new AvroSerde<>(new InMemorySchemaRegistry(), CaseEvent.class, false);

        assertThatThrownBy(() -> strict.serialize("case-events", Samples.escapeReported()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject case-events-value");
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serde.serialize("case-events", null)).isNull();
        assertThat(serde.deserialize("case-events", null)).isNull();
    }

    @Test
    void recordWrittenWithAnOlderSchemaReadsWithDefaults() throws IOException {
        // an older HeadcountEstimate-like writer: a record without the fields added later
        Schema oldState = SchemaBuilder.record("CompoundState").namespace("org.casetrack.avro").fields()
                .requiredString("compoundId").requiredString("name").requiredString("country")
                .name("discoveredOn").type(org.apache.avro.LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
                .endRecord();
        registry.setCompatibility("compound-registry-value", Compatibility.NONE);
        int id = registry.register("compound-registry-value", oldState);
        GenericRecord record = new GenericData.Record(oldState);
        record.put("compoundId", "c-1");
        record.put("name", "Great Wall Park");
        record.put("country", "KH");
        record.put("discoveredOn", 20_458);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(oldState).write(record, encoder);
        encoder.flush();

        CompoundState read = new AvroSerde<>(registry, CompoundState.class, false).deserialize("compound-registry", WireFormat.frame(id, out.toByteArray()));

        assertThat(read.getName()).isEqualTo("Great Wall Park");
        assertThat(read.getOperatorArrests()).isZero();
        assertThat(read.getLatestHeadcount()).isNull();
    }
}
