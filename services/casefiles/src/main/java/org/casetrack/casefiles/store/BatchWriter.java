package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.access.db.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch in one transaction: first the offsets rows move from where the batch started
 * to where it ends, fenced by the expected offsets (a projector that lost its partitions commits
 * nothing), then the rows. Rows and offsets commit together or not at all.
 */
public final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final Comparator<Batch.Fence> LOCK_ORDER = Comparator.comparing((Batch.Fence f) -> f.partition().topic())
            .thenComparingInt(f -> f.partition().partition());

    private final DataSource dataSource;
    private final String schema;
    private final boolean bulk;
    private final OffsetStore offsets;
    private final CaseRows cases;
    private final CompoundRows compounds;

    /** The live writer: history rows keyed by aggregate and sequence, so nothing already there is written twice. */
    public BatchWriter(DataSource dataSource, String schema) {
        this(dataSource, schema, false, 0, () -> { });
    }

    /**
     * A rebuild reader's writer, for fresh tables that nothing else writes: history rows by COPY, cases
     * held in memory (up to {@code maxHeldCases}) until {@link #finish} or a spill writes them. One per reader.
     *
     * @param beforeSpill runs before this writer's first spill, outside its transaction (it keys the
     *                    cases table, which the spill's upserts and read-backs need); shared by the readers
     */
    public static BatchWriter bulk(DataSource dataSource, String schema, int maxHeldCases, Runnable beforeSpill) {
        return new BatchWriter(dataSource, schema, true, maxHeldCases, beforeSpill);
    }

    private BatchWriter(DataSource dataSource, String schema, boolean bulk, int maxHeldCases, Runnable beforeSpill) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.bulk = bulk;
        this.offsets = new OffsetStore(schema);
        this.cases = new CaseRows(schema, bulk, maxHeldCases, beforeSpill);
        this.compounds = new CompoundRows(schema, bulk);
    }

    /** A bulk writer's last step: writes the cases it still holds, in one transaction. */
    public void finish() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            relaxDurability(c);
            try {
                cases.writeHeld(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Writing the rebuilt cases to " + schema, e);
        }
    }

    /** The stored next offsets of these partitions (0 for a partition never seen). */
    public Map<TopicPartition, Long> claim(Collection<TopicPartition> partitions) {
        try (Connection c = dataSource.getConnection()) {
            return offsets.claim(c, partitions);
        } catch (SQLException e) {
            throw new DatabaseException("Reading the projection's offsets", e);
        }
    }

    /**
     * @param beforeCommit gets the events that could not be applied, inside the transaction: when it
     *                     throws, nothing commits
     * @return the events that could not be applied
     * @throws FencedException   when another projector moved an offset this batch expected
     * @throws DatabaseException when PostgreSQL failed; nothing was committed, or it is unknown whether it was
     */
    public List<Batch.Rejected> apply(Batch batch, Consumer<List<Batch.Rejected>> beforeCommit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            relaxDurability(c);
            try {
                // rows locked in one order by every projector, so two of them cannot deadlock
                List<Batch.Fence> fences = batch.fences().stream().sorted(LOCK_ORDER).toList();
                List<TopicPartition> moved = offsets.advance(c, fences);
                if (!moved.isEmpty()) {
                    c.rollback();
                    throw new FencedException(moved);
                }
                List<Batch.Rejected> rejected = new ArrayList<>(cases.apply(c, batch.caseEvents()));
                rejected.addAll(compounds.apply(c, batch.compoundEvents()));
                beforeCommit.accept(rejected);
                c.commit();
                return rejected;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Applying a batch of " + batch.records() + " events to " + schema, e);
        }
    }

    /**
     * A rebuild's batches commit without waiting for the WAL to reach the disk: a crash in the middle
     * starts the rebuild over anyway, and the swap at the end commits synchronously, which flushes
     * every earlier commit with it.
     */
    private void relaxDurability(Connection c) throws SQLException {
        if (bulk) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone: PostgreSQL rolls the transaction back itself
            LOG.debug("Rollback failed (SQLState {})", e.getSQLState());
        }
    }
}
