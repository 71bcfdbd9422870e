package org.casetrack.views.api;

import io.micronaut.serde.annotation.SerdeImport;
import org.casetrack.views.domain.Snapshots;

/** The snapshot values instances exchange, (de)serializable as JSON without annotating the domain. */
@SerdeImport(Snapshots.CompoundSnapshot.class)
@SerdeImport(Snapshots.RegistryEntry.class)
@SerdeImport(Snapshots.Estimate.class)
@SerdeImport(Snapshots.NationalityTally.class)
@SerdeImport(Snapshots.DaySnapshot.class)
@SerdeImport(Snapshots.DayTally.class)
final class SerdeImports {
    private SerdeImports() {
    }
}
