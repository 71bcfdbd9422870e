package org.casetrack.bench.load;

/** One request of a load phase; answers its HTTP status (or 200 for a successful SQL query). */
@FunctionalInterface
public interface Call {
    int call(long index) throws Exception;
}
