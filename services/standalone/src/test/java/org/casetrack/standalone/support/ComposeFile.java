package org.casetrack.standalone.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as parsed YAML (anchors and merge keys resolved, ${...} left as written). */
public final class ComposeFile {
    public static final Path ROOT = Path.of("..", "..");

    private final Map<String, Map<String, Object>> services;

    private ComposeFile(Map<String, Map<String, Object>> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile load() {
        return new ComposeFile((Map<String, Map<String, Object>>) yaml(ROOT.resolve("docker-compose.yml")).get("services"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml(options).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Map<String, Object>> services() {
        return services;
    }

    public Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        return env == null ? Map.of() : ((Map<String, Object>) env).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    /** The services run from casetrack's own image (the init step and one per service module). */
    public List<String> casetrackContainers() {
        return services.keySet().stream().filter(s -> String.valueOf(services.get(s).get("image")).startsWith("casetrack:")).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dependsOn(String name) {
        Object depends = service(name).get("depends_on");
        return depends instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name, String key) {
        Object value = service(name).get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
