package org.casetrack.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.casetrack.avro.CaseEvent;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void registeringTwiceGivesTheSameIdAndOneVersion() {
        int first = registry.register("case-events-value", CaseEvent.getClassSchema());
        int second = registry.register("case-events-value", CaseEvent.getClassSchema());

        assertThat(second).isEqualTo(first);
        assertThat(registry.versions("case-events-value")).containsExactly(1);
        assertThat(registry.byId(first)).isEqualTo(CaseEvent.getClassSchema());
    }

    @Test
    void idsAreDerivedFromTheSchemaSoRegistriesAgree() {
        int here = registry.register("a-value", CaseEvent.getClassSchema());
        int there = new InMemorySchemaRegistry().register("b-value", CaseEvent.getClassSchema());

        assertThat(here).isEqualTo(there).isPositive();
    }

    @Test
    void compatibleEvolutionAddsAVersion() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").optionalString("b").endRecord();

        registry.register("r-value", v1);
        registry.register("r-value", v2);

        assertThat(registry.versions("r-value")).containsExactly(1, 2);
        assertThat(registry.latest("r-value").schema()).isEqualTo(v2);
    }

    @Test
    void incompatibleRegistrationIsRefusedWithTheReason() {
        Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").requiredInt("b").endRecord();
        registry.register("r-value", v1);

        assertThatThrownBy(() -> registry.register("r-value", v2))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("r-value")
                .hasMessageContaining("FULL_TRANSITIVE")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(registry.versions("r-value")).containsExactly(1);
    }

    @Test
    void levelNoneAcceptsAnything() {
        registry.setCompatibility("r-value", Compatibility.NONE);
        registry.register("r-value", SchemaBuilder.record("R").fields().requiredString("a").endRecord());
        registry.register("r-value", SchemaBuilder.record("R").fields().requiredInt("z").endRecord());

        assertThat(registry.versions("r-value")).hasSize(2);
        assertThat(registry.compatibility("r-value")).isEqualTo(Compatibility.NONE);
        assertThat(registry.compatibility("other-value")).isEqualTo(Compatibility.FULL_TRANSITIVE);
    }

    @Test
    void unknownIdIsSaidPlainly() {
        assertThatThrownBy(() -> registry.byId(42)).isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("42");
    }
}
