package org.casetrack.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.support.ViewsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard page and its files over HTTP: open, served by casetrack itself, and nothing else can be asked for. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardPageTest.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LOCAL_FILE = Pattern.compile("(?:href|src)=\"(/dashboard/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");
    private static final Pattern CSS_URL = Pattern.compile("url\\(([^)]+)\\)");
    // the one absolute URL allowed: the SVG namespace, which names the XML vocabulary and is never fetched
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    ViewsServer server;

    @BeforeAll
    void start(TestScope scope) {
        server = ViewsServer.start(scope, ViewsServer.Keys.generate(), "page");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void servesThePageAndEveryFileItLoadsWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<byte[]> page = get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(contentType(page)).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "font-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        for (String file : firstViewFiles(text(page))) {
            HttpResponse<byte[]> response = get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            String expected = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "image/svg+xml";
            assertThat(contentType(response)).as(file).startsWith(expected);
        }
    }

    @Test
    void everyFileComesFromCasetrackItselfAndNamesNoOtherHost() throws Exception {
        String page = text(get("/dashboard"));
        List<String> files = firstViewFiles(page);
        assertThat(files).contains("/dashboard/app.js", "/dashboard/app.css", "/dashboard/sse.js", "/dashboard/charts.js",
                "/dashboard/labels.js", "/dashboard/text.js", "/dashboard/table.js");
        StringBuilder all = new StringBuilder(page);
        for (String file : files) {
            all.append(text(get(file)));
        }
        String everything = all.toString().replace(SVG_NAMESPACE, "");
        assertThat(everything).doesNotContain("http://", "https://", "url(//", "src=\"//", "href=\"//");
        Matcher urls = CSS_URL.matcher(text(get("/dashboard/app.css")));
        List<String> fonts = new ArrayList<>();
        while (urls.find()) {
            fonts.add(urls.group(1));
        }
        assertThat(fonts).isNotEmpty().allMatch(u -> u.startsWith("/dashboard/fonts/"));
        for (String font : fonts) {
            HttpResponse<byte[]> response = get(font);
            assertThat(response.statusCode()).as(font).isEqualTo(200);
            assertThat(contentType(response)).isEqualTo("font/woff2");
            assertThat(new String(response.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("wOF2");
        }
    }

    @Test
    void textFilesGoOverTheWireCompressedToAClientThatAcceptsGzip() throws Exception {
        for (String file : List.of("/dashboard", "/dashboard/app.js", "/dashboard/labels.js", "/dashboard/app.css")) {
            HttpResponse<byte[]> plain = get(file);
            HttpResponse<byte[]> gzip = get(file, "Accept-Encoding", "gzip");
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
                assertThat(in.readAllBytes()).as(file).isEqualTo(plain.body());
            }
            LOG.info("{}: {} bytes, {} gzipped", file, plain.body().length, gzip.body().length);
        }
    }

    @Test
    void anUnchangedFileIsAnsweredNotModified() throws Exception {
        HttpResponse<byte[]> first = get("/dashboard/app.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<byte[]> again = get("/dashboard/app.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/dashboard/app.js", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aFileNotOnTheListIsNotFoundAndNothingElseOnTheClasspathCanBeNamed() throws Exception {
        for (String path : List.of("/dashboard/nothing.js", "/dashboard/fonts/LICENSE", "/dashboard/%2e%2e%2flogback-test.xml",
                "/dashboard/fonts/noto-sans-khmer%2fLICENSE", "/dashboard/..%2f..%2forg%2fcasetrack%2fviews%2fViewsMain.class")) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(contentType(response)).as(path).startsWith("application/problem+json");
        }
    }

    /** The files the page names (stylesheet, icon, scripts) and every module its scripts import, however deep. */
    private List<String> firstViewFiles(String page) throws Exception {
        List<String> files = new ArrayList<>();
        Matcher m = LOCAL_FILE.matcher(page);
        while (m.find()) {
            if (!files.contains(m.group(1))) {
                files.add(m.group(1));
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).endsWith(".js")) {
                Matcher imports = IMPORT.matcher(text(get(files.get(i))));
                while (imports.find()) {
                    String module = "/dashboard/" + imports.group(1);
                    if (!files.contains(module)) {
                        files.add(module);
                    }
                }
            }
        }
        return files;
    }
}
