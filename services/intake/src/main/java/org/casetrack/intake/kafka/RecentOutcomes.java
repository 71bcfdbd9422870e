package org.casetrack.intake.kafka;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * The last decided outcomes as read (their wire bytes), by command id, in primitive arrays only: the
 * records lie one after another in a ring of byte chunks and an open-addressing table of longs finds
 * them. Hundreds of thousands of outcomes live here for minutes; held as a map of arrays, every young
 * collection copied each new one several times before promoting it and scanned the map's cards for
 * references into the young generation (about 20 ms of each pause at 1,000 reports/s). Here there is
 * nothing to copy and no reference to scan: a chunk is allocated once and overwritten in turn.
 *
 * <p>Keeps at most {@code maxEntries} records and at most {@value #BYTES_PER_ENTRY} bytes per entry on
 * average; the oldest record goes first when either bound is reached. A record larger than one chunk
 * is not kept. A command decided twice (a replay) is found at its latest record. Thread-safe.
 */
final class RecentOutcomes {
    /** The arena's size per entry kept; outcome records are under 300 bytes. */
    static final int BYTES_PER_ENTRY = 512;
    private static final int MAX_CHUNK = 1 << 20;
    /** A record's header: its length, then the command id's two longs. */
    private static final int HEADER = Integer.BYTES + 2 * Long.BYTES;
    /** Written where a chunk's last record ends when the next one did not fit after it. */
    private static final int CHUNK_END = -1;

    private final int maxEntries;
    private final int chunkSize;
    private final byte[][] chunks;
    /** Three longs a slot: the id's most and least significant bits, the record's position + 1 (0: empty). */
    private final long[] table;
    private final int slotMask;
    /** Positions grow without wrapping; a position's chunk is (position / chunkSize) % chunks.length. */
    private long head;
    private long tail;
    private int entries;

    RecentOutcomes(int maxEntries) {
        this.maxEntries = Math.max(0, maxEntries);
        long arenaBytes = Math.max(1L, (long) this.maxEntries * BYTES_PER_ENTRY);
        this.chunkSize = (int) Math.min(MAX_CHUNK, Math.max(HEADER + Integer.BYTES, arenaBytes));
        this.chunks = new byte[(int) Math.max(2, (arenaBytes + chunkSize - 1) / chunkSize)][];
        int slots = (int) Long.highestOneBit(Math.max(1L, 2L * this.maxEntries - 1)) << 1; // at most half full
        this.table = new long[slots * 3];
        this.slotMask = slots - 1;
    }

    synchronized void put(UUID commandId, byte[] raw) {
        int size = HEADER + raw.length;
        if (maxEntries == 0 || size > chunkSize) {
            return;
        }
        long at = head;
        if (offset(at) + size > chunkSize) {
            at = nextChunk(at);
        }
        while (entries >= maxEntries || at + size - tail > (long) chunks.length * chunkSize) {
            evictOldest();
        }
        if (offset(head) + Integer.BYTES <= chunkSize && at != head) {
            ByteBuffer.wrap(chunk(head)).putInt(offset(head), CHUNK_END);
        }
        ByteBuffer.wrap(chunk(at)).putInt(offset(at), raw.length)
                .putLong(offset(at) + Integer.BYTES, commandId.getMostSignificantBits())
                .putLong(offset(at) + Integer.BYTES + Long.BYTES, commandId.getLeastSignificantBits());
        System.arraycopy(raw, 0, chunk(at), offset(at) + HEADER, raw.length);
        head = at + size;
        entries++;
        int slot = find(commandId.getMostSignificantBits(), commandId.getLeastSignificantBits());
        table[slot * 3] = commandId.getMostSignificantBits();
        table[slot * 3 + 1] = commandId.getLeastSignificantBits();
        table[slot * 3 + 2] = at + 1;
    }

    synchronized Optional<byte[]> get(UUID commandId) {
        int slot = find(commandId.getMostSignificantBits(), commandId.getLeastSignificantBits());
        long where = table[slot * 3 + 2];
        if (where == 0) {
            return Optional.empty();
        }
        long at = where - 1;
        byte[] raw = new byte[ByteBuffer.wrap(chunk(at)).getInt(offset(at))];
        System.arraycopy(chunk(at), offset(at) + HEADER, raw, 0, raw.length);
        return Optional.of(raw);
    }

    synchronized int size() {
        return entries;
    }

    private void evictOldest() {
        if (offset(tail) + HEADER > chunkSize || ByteBuffer.wrap(chunk(tail)).getInt(offset(tail)) == CHUNK_END) {
            tail = nextChunk(tail);
        }
        ByteBuffer record = ByteBuffer.wrap(chunk(tail));
        int length = record.getInt(offset(tail));
        int slot = find(record.getLong(offset(tail) + Integer.BYTES), record.getLong(offset(tail) + Integer.BYTES + Long.BYTES));
        if (table[slot * 3 + 2] == tail + 1) {
            remove(slot);
        }
        tail += HEADER + length;
        entries--;
        if (entries == 0) {
            tail = head;
        }
    }

    /** The slot holding the id, or the empty slot where it would go. */
    private int find(long msb, long lsb) {
        int slot = spread(msb, lsb);
        while (table[slot * 3 + 2] != 0 && (table[slot * 3] != msb || table[slot * 3 + 1] != lsb)) {
            slot = (slot + 1) & slotMask;
        }
        return slot;
    }

    /** Empties a slot and moves later entries of its probe run back, so every entry stays reachable. */
    private void remove(int slot) {
        int gap = slot;
        int next = (gap + 1) & slotMask;
        while (table[next * 3 + 2] != 0) {
            int home = spread(table[next * 3], table[next * 3 + 1]);
            // the entry may move into the gap unless its home lies cyclically in (gap, next]
            boolean homeAfterGap = gap <= next ? home > gap && home <= next : home > gap || home <= next;
            if (!homeAfterGap) {
                System.arraycopy(table, next * 3, table, gap * 3, 3);
                gap = next;
            }
            next = (next + 1) & slotMask;
        }
        table[gap * 3] = 0;
        table[gap * 3 + 1] = 0;
        table[gap * 3 + 2] = 0;
    }

    private int spread(long msb, long lsb) {
        long h = (msb ^ lsb) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & slotMask;
    }

    private byte[] chunk(long position) {
        int index = (int) ((position / chunkSize) % chunks.length);
        if (chunks[index] == null) {
            chunks[index] = new byte[chunkSize];
        }
        return chunks[index];
    }

    private int offset(long position) {
        return (int) (position % chunkSize);
    }

    private long nextChunk(long position) {
        return (position / chunkSize + 1) * chunkSize;
    }
}
