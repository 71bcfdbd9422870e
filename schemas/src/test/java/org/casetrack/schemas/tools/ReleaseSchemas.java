package org.casetrack.schemas.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.casetrack.schemas.SchemaCatalog;

/**
 * Releases the current top-level schemas: for each one that differs from its latest released
 * version (or was never released), writes {@code schemas/history/<Name>/v<N+1>.avsc}. Run it when a
 * schema change ships, after SchemaHistoryCompatibilityTest passes:
 *
 * <pre>
 * mvn -q -B test-compile -pl schemas
 * mvn -q -B dependency:build-classpath -pl schemas -Dmdep.outputFile=target/cp.txt
 * java -cp schemas/target/test-classes:schemas/target/classes:$(cat schemas/target/cp.txt) \
 *   org.casetrack.schemas.tools.ReleaseSchemas schemas/history
 * </pre>
 */
public final class ReleaseSchemas {
    private ReleaseSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path history = Path.of(args.length > 0 ? args[0] : "schemas/history");
        for (Schema current : SchemaCatalog.current()) {
            List<Schema> released = SchemaCatalog.history(current.getName());
            if (!released.isEmpty() && released.get(released.size() - 1).equals(current)) {
                continue;
            }
            Path file = history.resolve(current.getName()).resolve("v" + (released.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n");
            System.out.println("released " + file);
        }
    }
}
