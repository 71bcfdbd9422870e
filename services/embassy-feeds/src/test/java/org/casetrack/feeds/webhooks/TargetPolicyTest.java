package org.casetrack.feeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook targets: https on public addresses only, unless configured for tests. */
class TargetPolicyTest {
    private final TargetPolicy production = new TargetPolicy(false, false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:10.0.0.1", "64:ff9b::a00:1", "ff02::1"})
    void refusesLoopbackPrivateAndOtherInternalAddresses(String address) throws Exception {
        assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).as(address).isTrue();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThatThrownBy(() -> production.check("https://" + host + "/hook"))
                .isInstanceOf(TargetPolicy.Refused.class).hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "64:ff9b::808:808"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).as(address).isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThat(production.check("https://" + host + "/hook").getHost()).isEqualTo(host);
    }

    @Test
    void refusesPlainHttpUserInfoAndNonUrls() {
        assertThatThrownBy(() -> production.check("http://203.0.113.10/hook")).hasMessageContaining("https");
        assertThatThrownBy(() -> production.check("ftp://203.0.113.10/hook")).hasMessageContaining("https");
        assertThatThrownBy(() -> production.check("https://user:pw@203.0.113.10/hook")).hasMessageContaining("user info");
        assertThatThrownBy(() -> production.check("not a url")).isInstanceOf(TargetPolicy.Refused.class);
        assertThatThrownBy(() -> production.check(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> production.check("https://no-such-host.invalid/hook")).hasMessageContaining("cannot be resolved");
    }

    @Test
    void testSettingsAdmitLoopbackOverPlainHttp() throws Exception {
        TargetPolicy tests = new TargetPolicy(true, true);

        assertThat(tests.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThat(tests.check("https://[::1]/hook").getHost()).isEqualTo("[::1]");
    }
}
