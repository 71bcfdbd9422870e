package org.casetrack.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 instantiates generated classes only from trusted packages. casetrack trusts its own
 * generated package in addition to Avro's defaults, once per JVM, before any record is read.
 */
public final class AvroTrust {
    static final String GENERATED_PACKAGE = "org.casetrack.avro.";

    private static final ClassSecurityPredicate CASETRACK = c ->
            c.getName().startsWith(GENERATED_PACKAGE) || ClassSecurityValidator.DEFAULT.isTrusted(c);

    private AvroTrust() {
    }

    public static void ensure() {
        if (ClassSecurityValidator.getGlobal() != CASETRACK) {
            ClassSecurityValidator.setGlobal(CASETRACK);
        }
    }
}
