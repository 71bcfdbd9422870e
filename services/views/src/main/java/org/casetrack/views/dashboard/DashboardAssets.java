package org.casetrack.views.dashboard;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's static files, read once from {@code classpath:dashboard/}: a fixed list, so no
 * request can name any other resource. They hold no data. The page and its scripts must be there;
 * the Khmer and Thai fonts (vendored from the npm registry at build time) are served when present,
 * and the page falls back to system fonts without them.
 */
@Singleton
class DashboardAssets {
    static final String PAGE = "index.html";
    private static final String ROOT = "dashboard/";
    private static final Map<String, String> REQUIRED = Map.of(
            PAGE, "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "sse.js", "text/javascript; charset=utf-8",
            "charts.js", "text/javascript; charset=utf-8",
            "labels.js", "text/javascript; charset=utf-8",
            "text.js", "text/javascript; charset=utf-8",
            "table.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");
    /** Served name to where the build puts it (the npm package's layout, its LICENSE beside it in the jar). */
    private static final Map<String, String> FONTS = Map.of(
            "fonts/noto-sans-khmer-khmer-400-normal.woff2", "fonts/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2",
            "fonts/noto-sans-thai-thai-400-normal.woff2", "fonts/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2");

    /** A file as served: its bytes, content type and a strong ETag. */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    DashboardAssets() {
        REQUIRED.forEach((name, type) -> assets.put(name, load(name, type)
                .orElseThrow(() -> new IllegalStateException("The dashboard file " + ROOT + name + " is missing from the classpath"))));
        FONTS.forEach((name, path) -> load(path, "font/woff2").ifPresent(a -> assets.put(name, a)));
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static Optional<Asset> load(String name, String contentType) {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
            return Optional.of(new Asset(bytes, contentType, etag));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard file " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
