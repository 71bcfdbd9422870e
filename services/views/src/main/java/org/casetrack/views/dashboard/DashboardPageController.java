package org.casetrack.views.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.casetrack.access.http.ProblemException;

/**
 * {@code GET /dashboard} and its files, open to everyone (they hold no data: every number comes
 * from the authenticated stream). Served by casetrack itself, so the page works without internet;
 * the content security policy lets it load and connect to nothing but this server.
 */
@Controller("/dashboard")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "views.enabled", notEquals = "false")
class DashboardPageController {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final DashboardAssets assets;

    DashboardPageController(DashboardAssets assets) {
        this.assets = assets;
    }

    @Get
    HttpResponse<byte[]> page(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(DashboardAssets.PAGE, ifNoneMatch);
    }

    @Get("/{file}")
    HttpResponse<byte[]> file(@PathVariable String file, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(file, ifNoneMatch);
    }

    @Get("/fonts/{file}")
    HttpResponse<byte[]> font(@PathVariable String file, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve("fonts/" + file, ifNoneMatch);
    }

    private HttpResponse<byte[]> serve(String name, String ifNoneMatch) {
        DashboardAssets.Asset asset = assets.find(name).orElseThrow(() -> ProblemException.notFound("No such dashboard file"));
        MutableHttpResponse<byte[]> response = asset.etag().equals(ifNoneMatch) ? HttpResponse.notModified()
                : HttpResponse.ok(asset.bytes()).contentType(asset.contentType());
        // revalidated on every load (a 304 costs a few bytes on a slow link), so a new version shows at once
        return response.header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }
}
