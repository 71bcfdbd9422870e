package org.casetrack.schemas.crypto;

import org.casetrack.avro.PersonalData;

/** What a reader gets from an encrypted block: the personal data, or the fact that it was erased. */
public sealed interface Opened {
    record Available(PersonalData data) implements Opened {
    }

    record Erased(String keyId) implements Opened {
    }
}
