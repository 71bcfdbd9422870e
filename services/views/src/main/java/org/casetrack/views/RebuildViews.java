package org.casetrack.views;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import org.casetrack.views.config.Generations;
import org.casetrack.views.config.Rebuild;
import org.casetrack.views.config.ViewsRuntime;

/**
 * The rebuild command: builds the next generation of the views from offset 0 with progress output,
 * makes it current once it has caught up (every serving instance switches to it), then waits until
 * every instance has left the old generation and removes its topics. Settings come from the same
 * environment as the service (KAFKA_BOOTSTRAP_SERVERS, CASETRACK_TOPIC_PREFIX, VIEWS_*, ...).
 *
 * <pre>java -cp casetrack.jar org.casetrack.views.RebuildViews [--no-wait] [--timeout PT6H]</pre>
 */
public final class RebuildViews {
    private RebuildViews() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean waitForSwitch = !options.contains("--no-wait");
        int t = options.indexOf("--timeout");
        Duration timeout = t >= 0 && t + 1 < args.length ? Duration.parse(args[t + 1]) : Duration.ofHours(6);
        try (ApplicationContext context = ApplicationContext.run()) {
            ViewsRuntime runtime = context.getBean(ViewsRuntime.class);
            try (Generations generations = runtime.generations()) {
                Rebuild.Result result = new Rebuild(runtime, generations, System.out, Duration.ofSeconds(1)).run(waitForSwitch, timeout);
                System.out.printf("views rebuild: done, generation %d current (%d records, %d s)%n", result.to(), result.records(),
                        result.took().toSeconds());
            }
        }
    }
}
