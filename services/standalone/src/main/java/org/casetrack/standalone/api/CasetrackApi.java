package org.casetrack.standalone.api;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The one OpenAPI document of casetrack. Each service module is compiled without the OpenAPI
 * processor, so this module includes their already compiled controllers here and micronaut-openapi
 * builds the whole document when standalone compiles (META-INF/swagger/casetrack-v1.yml).
 */
@OpenAPIDefinition(
        info = @Info(title = "casetrack", version = "v1",
                description = "Event-sourced case tracking for survivors of scam-compound trafficking. Every endpoint but "
                        + "GET /health needs Authorization: Bearer <token>; errors are application/problem+json (RFC 9457).",
                license = @License(name = "casetrack")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@OpenAPIInclude(tags = @Tag(name = "reports"), classNames = {
        "org.casetrack.intake.api.ReportsController", "org.casetrack.intake.api.CasesController",
        "org.casetrack.intake.api.CommandsController", "org.casetrack.intake.api.ErasureController"})
@OpenAPIInclude(tags = @Tag(name = "views"), classNames = "org.casetrack.views.api.ViewsController")
@OpenAPIInclude(tags = @Tag(name = "case files"), classNames = "org.casetrack.casefiles.api.CaseFilesController")
@OpenAPIInclude(tags = @Tag(name = "feeds"), classNames = {
        "org.casetrack.feeds.api.FeedController", "org.casetrack.feeds.api.SubscriptionController"})
@OpenAPIInclude(tags = @Tag(name = "access"), classNames = {
        "org.casetrack.access.tokens.TokenController", "org.casetrack.access.disclosure.DisclosureController"})
@OpenAPIInclude(tags = @Tag(name = "operations"), classNames = "io.micronaut.management.endpoint.health.HealthEndpoint")
final class CasetrackApi {
    private CasetrackApi() {
    }
}
