package org.casetrack.standalone.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * GET /openapi: the OpenAPI document of every service's API, generated at compile time (see
 * {@link CasetrackApi}); any valid token may read it (ARCHITECTURE §8: every endpoint but /health needs
 * one). GET /openapi/ui: the browsable UI, whose static files hold no data and are open.
 */
@Controller("/openapi")
@Hidden
class OpenApiController {
    static final String DOCUMENT = "META-INF/swagger/casetrack-v1.yml";
    static final String YAML = "application/yaml";

    private final String document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + DOCUMENT + " is missing from the build");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }

    @Get(produces = YAML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    String document() {
        return document;
    }

    @Get(value = "/ui", produces = MediaType.TEXT_PLAIN)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> ui() {
        return HttpResponse.seeOther(URI.create("/openapi/ui/index.html"));
    }
}
