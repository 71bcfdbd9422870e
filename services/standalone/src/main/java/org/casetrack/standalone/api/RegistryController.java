package org.casetrack.standalone.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.casetrack.access.auth.Roles;
import org.casetrack.schemas.registry.RegistryRestHandler;
import org.casetrack.schemas.registry.RegistryRestHandler.Caller;
import org.casetrack.schemas.registry.SchemaRegistry;

/**
 * The embedded registry's Confluent REST subset under /registry on the main port, so stock Kafka
 * clients can resolve schema ids: reads open to anyone (schemas hold no data), writes for admin
 * tokens. Only when the registry is embedded; with SCHEMA_REGISTRY_URL clients talk to that registry.
 */
@Controller("/registry")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(missingProperty = "schema-registry.url")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class RegistryController {
    private static final String ROOT = "/registry";

    private final RegistryRestHandler handler;

    RegistryController(SchemaRegistry registry) {
        this.handler = new RegistryRestHandler(registry);
    }

    @Get("/{+path}")
    MutableHttpResponse<String> get(HttpRequest<?> request, @PathVariable("path") String path, @Nullable Authentication authentication) {
        return serve(request, authentication, null);
    }

    @Post("/{+path}")
    @Consumes(MediaType.ALL)
    MutableHttpResponse<String> post(HttpRequest<?> request, @PathVariable("path") String path, @Nullable Authentication authentication, @Nullable @Body String body) {
        return serve(request, authentication, body);
    }

    @Put("/{+path}")
    @Consumes(MediaType.ALL)
    MutableHttpResponse<String> put(HttpRequest<?> request, @PathVariable("path") String path, @Nullable Authentication authentication, @Nullable @Body String body) {
        return serve(request, authentication, body);
    }

    @Delete("/{+path}")
    MutableHttpResponse<String> delete(HttpRequest<?> request, @PathVariable("path") String path, @Nullable Authentication authentication) {
        return serve(request, authentication, null);
    }

    private MutableHttpResponse<String> serve(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable String body) {
        // the raw path: the handler decodes each segment itself (subjects may hold encoded characters)
        String path = request.getUri().getRawPath().substring(ROOT.length());
        RegistryRestHandler.Response response = handler.handle(request.getMethodName(), path, request.getUri().getRawQuery(),
                body, callerOf(authentication));
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(response.status()))
                .body(response.body()).contentType(RegistryRestHandler.CONTENT_TYPE);
    }

    static Caller callerOf(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Caller.ANONYMOUS;
        }
        return authentication.getRoles().contains(Roles.ADMIN) ? Caller.ADMINISTRATOR : Caller.AUTHENTICATED;
    }
}
