package org.casetrack.access.keys;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.casetrack.schemas.SchemaCatalog;
import org.casetrack.schemas.crypto.PersonalDataCipher;

/** The personal-data cipher, reading every released version of PersonalData. */
@Factory
public class CipherFactory {

    @Singleton
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher(SchemaCatalog.personalDataVersions());
    }
}
