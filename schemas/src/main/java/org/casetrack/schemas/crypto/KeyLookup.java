package org.casetrack.schemas.crypto;

import java.util.Optional;

/** Finds a data key by id; empty when the key has been destroyed (the data is erased). */
@FunctionalInterface
public interface KeyLookup {
    Optional<DataKey> find(String keyId);
}
