package org.casetrack.feeds.webhooks;

import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.casetrack.feeds.config.WebhookSettings;

/**
 * Which webhook targets are allowed: absolute https URLs (http only when configured for tests)
 * without user info, whose host resolves only to public addresses. Loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast and reserved addresses are refused unless
 * {@code feeds.webhooks.allow-private-targets} is set, so a subscription cannot make casetrack call
 * into its own network. Checked when the subscription is created and again before every delivery.
 */
@Singleton
public class TargetPolicy {
    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;
    private final boolean allowPlainHttp;

    public TargetPolicy(WebhookSettings settings) {
        this(settings.allowPrivateTargets(), settings.allowPlainHttp());
    }

    public TargetPolicy(boolean allowPrivate, boolean allowPlainHttp) {
        this.allowPrivate = allowPrivate;
        this.allowPlainHttp = allowPlainHttp;
    }

    /** A target refused, and why (the reason never repeats the URL). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @return the URL, checked; @throws Refused saying what is wrong with it */
    public URI check(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new Refused("must be an absolute https:// URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("must name a host, without user info or fragment");
        }
        checkAddresses(uri);
        return uri;
    }

    /** Resolves the host and refuses internal addresses (again before each delivery: DNS answers change). */
    public void checkAddresses(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("names a host that cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new Refused("resolves to a loopback, private or otherwise internal address");
                }
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return internalV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            if (isNat64(b)) {
                return internalV4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
        }
        return false;
    }

    private static boolean internalV4(int b0, int b1, int b2) {
        return b0 == 0 || b0 == 10 || b0 == 127
                || (b0 == 100 && (b1 & 0xc0) == 64)          // 100.64.0.0/10 carrier-grade NAT
                || (b0 == 169 && b1 == 254)
                || (b0 == 172 && (b1 & 0xf0) == 16)
                || (b0 == 192 && b1 == 168)
                || (b0 == 192 && b1 == 0 && b2 == 0)         // 192.0.0.0/24 protocol assignments
                || (b0 == 198 && (b1 == 18 || b1 == 19))     // 198.18.0.0/15 benchmarking
                || b0 >= 224;                                // multicast, reserved, broadcast
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix that embeds an IPv4 address. */
    private static boolean isNat64(byte[] b) {
        if ((b[0] & 0xff) != 0 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
