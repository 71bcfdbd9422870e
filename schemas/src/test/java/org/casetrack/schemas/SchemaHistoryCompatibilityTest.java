package org.casetrack.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.casetrack.avro.CaseEvent;
import org.casetrack.schemas.registry.Compatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every released schema evolves FULL_TRANSITIVE: the current schema reads every released version's
 * data and every released version reads the current schema's data. A schema changed in an
 * incompatible way fails here; release a compatible change by adding schemas/history/<Name>/v<N+1>.avsc.
 */
class SchemaHistoryCompatibilityTest {

    @TestFactory
    List<DynamicTest> currentSchemaIsFullTransitiveWithItsHistory() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Schema current : SchemaCatalog.current()) {
            tests.add(DynamicTest.dynamicTest(current.getName(), () -> {
                List<Schema> history = SchemaCatalog.history(current.getName());
                assertThat(history)
                        .as("%s has no released version in schemas/history/%s/v1.avsc", current.getName(), current.getName())
                        .isNotEmpty();
                assertThat(Compatibility.FULL_TRANSITIVE.problems(current, history))
                        .as("%s against its released versions", current.getName())
                        .isEmpty();
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> releasedVersionsAreFullTransitiveAmongThemselves() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Schema current : SchemaCatalog.current()) {
            List<Schema> history = SchemaCatalog.history(current.getName());
            for (int i = 1; i < history.size(); i++) {
                int version = i + 1;
                tests.add(DynamicTest.dynamicTest(current.getName() + " v" + version, () ->
                        assertThat(Compatibility.FULL_TRANSITIVE.problems(history.get(version - 1), history.subList(0, version - 1))).isEmpty()));
            }
        }
        return tests;
    }

    @Test
    void checkRefusesAFieldAddedWithoutDefault() throws IOException {
        Schema incompatible = fixture("incompatible/CaseEvent-field-without-default.avsc");

        List<String> problems = Compatibility.FULL_TRANSITIVE.problems(incompatible, SchemaCatalog.history("CaseEvent"));

        assertThat(problems).isNotEmpty();
        assertThat(String.join("\n", problems)).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("courtDate");
    }

    @Test
    void checkRefusesAChangedFieldType() throws IOException {
        Schema renamed = fixture("incompatible/CaseEvent-type-changed.avsc");

        List<String> problems = Compatibility.FULL_TRANSITIVE.problems(renamed, List.of(CaseEvent.getClassSchema()));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("TYPE_MISMATCH"));
    }

    @Test
    void directionsAreCheckedSeparately() throws IOException {
        Schema added = fixture("incompatible/CaseEvent-field-without-default.avsc");

        // a new required field cannot be read by old readers (forward), and the new reader cannot read old data
        assertThat(Compatibility.FORWARD.problems(added, SchemaCatalog.history("CaseEvent"))).isEmpty();
        assertThat(Compatibility.BACKWARD.problems(added, SchemaCatalog.history("CaseEvent"))).isNotEmpty();
    }

    private static Schema fixture(String path) throws IOException {
        try (InputStream in = SchemaHistoryCompatibilityTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
