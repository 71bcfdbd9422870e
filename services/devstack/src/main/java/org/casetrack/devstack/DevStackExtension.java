package org.casetrack.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded infrastructure once per test run (closed when the run ends) and hands each
 * test class a {@link TestScope} of its own, or the {@link DevStack} itself, as a parameter.
 */
public final class DevStackExtension implements ParameterResolver {
    /** The admin token of the shared test infrastructure's registry REST. */
    public static final String ADMIN_TOKEN = "test-admin-token-" + UUID.randomUUID();

    private static final Logger LOG = LoggerFactory.getLogger(DevStackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DevStack.class || type == TestScope.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DevStack stack = shared(context);
        if (parameter.getParameter().getType() == DevStack.class) {
            return stack;
        }
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("scope",
                k -> newScope(stack, context.getRequiredTestClass()), TestScope.class);
    }

    static DevStack shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", k -> new SharedStack(), SharedStack.class).stack;
    }

    private static TestScope newScope(DevStack stack, Class<?> testClass) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String id = name + "-" + suffix;
        String database = "t_" + name + "_" + suffix;
        stack.database().createDatabase(database.length() > 63 ? database.substring(0, 63) : database);
        return new TestScope(id, new Topics(id + "."), database.length() > 63 ? database.substring(0, 63) : database, stack);
    }

    /** The shared stack, closed by JUnit when the root context closes. */
    private static final class SharedStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Path dir;
        final DevStack stack;
        private boolean closed;

        SharedStack() {
            try {
                dir = Files.createDirectories(Path.of("target", "devstack", UUID.randomUUID().toString())).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the test infrastructure directory", e);
            }
            stack = DevStack.start(DevStack.Options.at(dir, ADMIN_TOKEN));
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            stack.close();
            deleteRecursively(dir);
        }
    }

    /** Deletes a directory tree; retries while a just-stopped server is still letting go of files. */
    public static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a file vanished under the walk: walk again
            }
        }
        if (Files.exists(dir)) {
            LOG.warn("Could not delete {}", dir);
        }
    }
}
