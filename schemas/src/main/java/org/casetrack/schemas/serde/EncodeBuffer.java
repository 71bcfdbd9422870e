package org.casetrack.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A thread's buffer for encoding one record in the wire format: Avro's buffered encoder over an
 * unsynchronized byte array, both reused. A direct encoder over a ByteArrayOutputStream, new for each
 * record, writes most bytes one at a time through a synchronized method; this costs a fraction of it.
 * A nested use on the same thread (none is expected) gets a fresh buffer rather than the busy one.
 */
final class EncodeBuffer extends OutputStream {
    /** A buffer that grew past this for one large record is not kept for the next. */
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<EncodeBuffer> BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

    private byte[] bytes = new byte[512];
    private int length;
    private BinaryEncoder encoder;
    private boolean busy;

    private EncodeBuffer() {
    }

    static EncodeBuffer take() {
        EncodeBuffer buffer = BUFFERS.get();
        if (buffer.busy) {
            buffer = new EncodeBuffer();
        }
        buffer.busy = true;
        return buffer;
    }

    /** Starts a record: the magic byte and the schema id. */
    void start(int schemaId) {
        // reconfiguring flushes whatever a failed encoding left in the encoder: into the bytes dropped next
        encoder = EncoderFactory.get().binaryEncoder(this, encoder);
        length = 0;
        write(WireFormat.MAGIC);
        write(schemaId >>> 24);
        write(schemaId >>> 16);
        write(schemaId >>> 8);
        write(schemaId);
    }

    BinaryEncoder encoder() {
        return encoder;
    }

    /** The record's bytes, header included. */
    byte[] finish() throws IOException {
        encoder.flush();
        return Arrays.copyOf(bytes, length);
    }

    void release() {
        busy = false;
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[512];
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
