package org.casetrack.standalone.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Where the browsable OpenAPI UI comes from: casetrack's own page (classpath:openapi-ui, which asks
 * for a token and loads /openapi with it) in front of the Swagger UI webjar's assets, both served by
 * casetrack itself under /openapi/ui/ (no CDN). The webjar's directory carries its version, read from
 * the webjar's own Maven metadata.
 */
public final class OpenApiUi {
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private OpenApiUi() {
    }

    public static Map<String, Object> staticResources() {
        Properties pom = new Properties();
        try (InputStream in = OpenApiUi.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                return Map.of();
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + WEBJAR_POM, e);
        }
        String assets = "classpath:META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version");
        return Map.of("micronaut.router.static-resources.openapi-ui.mapping", "/openapi/ui/**",
                "micronaut.router.static-resources.openapi-ui.paths", java.util.List.of("classpath:openapi-ui", assets));
    }
}
