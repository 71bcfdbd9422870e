package org.casetrack.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.EscapeReported;
import org.casetrack.schemas.Samples;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

/** The reused per-thread encoding buffer writes exactly what a fresh direct encoder writes, record after record. */
class EncodeBufferTest {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroSerde<CaseEvent> serde = new AvroSerde<>(registry, CaseEvent.class, true);

    /** The wire format as a new ByteArrayOutputStream and direct encoder per record write it. */
    private byte[] reference(CaseEvent event) throws IOException {
        int id = registry.lookup("case-events-value", CaseEvent.getClassSchema()).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WireFormat.MAGIC);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(CaseEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static CaseEvent withCiphertextOf(int size, SplittableRandom random) {
        CaseEvent event = Samples.escapeReported();
        byte[] ciphertext = new byte[size];
        random.nextBytes(ciphertext);
        ((EscapeReported) event.getPayload()).getPersonal().setCiphertext(ByteBuffer.wrap(ciphertext));
        return event;
    }

    @Test
    void recordsOfEverySizeOneAfterAnotherEncodeAsAFreshDirectEncoderWould() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        serde.serialize("case-events", Samples.escapeReported());
        for (int size : new int[] {0, 1, 100, 2_000, 2_100, 70_000, 300_000, 5, 1_000_000, 3}) {
            CaseEvent event = withCiphertextOf(size, random);

            byte[] bytes = serde.serialize("case-events", event);

            assertThat(bytes).as("ciphertext of %d bytes", size).isEqualTo(reference(event));
            assertThat(serde.deserialize("case-events", bytes)).isEqualTo(event);
        }
    }

    @Test
    void aRecordThatFailsHalfWayLeavesNothingInTheNextOne() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        CaseEvent broken = withCiphertextOf(1_500, random);
        ((EscapeReported) broken.getPayload()).setNationality(null);

        assertThatThrownBy(() -> serde.serialize("case-events", broken)).isInstanceOf(SerializationException.class);

        CaseEvent next = withCiphertextOf(10, random);
        assertThat(serde.serialize("case-events", next)).isEqualTo(reference(next));
    }

    @Test
    void threadsEncodingAtOnceEachGetTheirOwnRecordsBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                Callable<Integer> work = () -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < 500; i++) {
                        CaseEvent event = withCiphertextOf(random.nextInt(5_000), random);
                        assertThat(serde.serialize("case-events", event)).isEqualTo(reference(event));
                    }
                    return 500;
                };
                results.add(pool.submit(work));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
