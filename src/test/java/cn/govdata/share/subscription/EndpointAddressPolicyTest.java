package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.govdata.share.subscription.EndpointAddressPolicy.ForbiddenAddressException;
import cn.govdata.share.subscription.EndpointAddressPolicy.Refusal;

class EndpointAddressPolicyTest {

    private final EndpointAddressPolicy defaults = new EndpointAddressPolicy(List.of(), List.of());

    @Test
    void byDefaultOnlyPublicAddressesArePushedTo() throws UnknownHostException {
        assertThat(refusal(defaults, "127.0.0.1")).contains(Refusal.LOOPBACK);
        assertThat(refusal(defaults, "127.8.9.10")).contains(Refusal.LOOPBACK);
        assertThat(refusal(defaults, "::1")).contains(Refusal.LOOPBACK);
        assertThat(refusal(defaults, "169.254.169.254")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "fe80::1")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "0.0.0.0")).contains(Refusal.UNSPECIFIED);
        assertThat(refusal(defaults, "::")).contains(Refusal.UNSPECIFIED);
        assertThat(refusal(defaults, "224.0.0.251")).contains(Refusal.MULTICAST);
        assertThat(refusal(defaults, "ff02::1")).contains(Refusal.MULTICAST);
        assertThat(refusal(defaults, "255.255.255.255")).contains(Refusal.RESERVED);
        for (String extranet : List.of("10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1", "100.100.100.200",
                "fd12:3456::1", "fc00::1")) {
            assertThat(refusal(defaults, extranet)).as(extranet).contains(Refusal.PRIVATE);
        }
        for (String open : List.of("8.8.8.8", "172.15.255.255", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888")) {
            assertThat(refusal(defaults, open)).as(open).isEmpty();
        }
    }

    @Test
    void anIpv6AddressCarryingAnIpv4OneIsJudgedAsThatAddress() throws UnknownHostException {
        // Java parses a mapped literal as the IPv4 address; a resolver may still hand over the IPv6 form
        InetAddress mapped = Inet6Address.getByAddress(null, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff,
                (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254 }, -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(defaults.refusal(mapped)).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "::ffff:127.0.0.1")).contains(Refusal.LOOPBACK);
        assertThat(refusal(defaults, "::ffff:169.254.169.254")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "::ffff:10.0.0.1")).contains(Refusal.PRIVATE);
        assertThat(refusal(defaults, "::127.0.0.1")).contains(Refusal.LOOPBACK);
        assertThat(refusal(defaults, "::a9fe:a9fe")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "64:ff9b::169.254.169.254")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(defaults, "64:ff9b::10.1.2.3")).contains(Refusal.PRIVATE);
        assertThat(refusal(defaults, "64:ff9b::8.8.8.8")).isEmpty();
        assertThat(refusal(defaults, "::ffff:8.8.8.8")).isEmpty();
    }

    @Test
    void allowedNetworksOpenPrivateAndLoopbackAddressesButNeverLinkLocalOrMulticast() throws UnknownHostException {
        EndpointAddressPolicy policy = new EndpointAddressPolicy(
                List.of("10.20.0.0/16", " 192.168.8.8 ", "fd00::/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4"),
                List.of());
        assertThat(refusal(policy, "10.20.3.4")).isEmpty();
        assertThat(refusal(policy, "::ffff:10.20.3.4")).isEmpty();
        assertThat(refusal(policy, "10.21.0.1")).contains(Refusal.PRIVATE);
        assertThat(refusal(policy, "192.168.8.8")).isEmpty();
        assertThat(refusal(policy, "192.168.8.9")).contains(Refusal.PRIVATE);
        assertThat(refusal(policy, "fd12::1")).isEmpty();
        assertThat(refusal(policy, "127.0.0.1")).isEmpty();
        assertThat(refusal(policy, "::1")).as("an IPv4 network does not open IPv6 loopback").contains(Refusal.LOOPBACK);
        assertThat(refusal(policy, "169.254.169.254")).contains(Refusal.LINK_LOCAL);
        assertThat(refusal(policy, "224.0.0.1")).contains(Refusal.MULTICAST);
    }

    @Test
    void deniedNetworksWinOverAllowedAndPublicOnes() throws UnknownHostException {
        EndpointAddressPolicy policy = new EndpointAddressPolicy(List.of("10.20.0.0/16"),
                List.of("10.20.99.0/24", "203.0.113.0/24", "2001:db8::/32"));
        assertThat(refusal(policy, "10.20.3.4")).isEmpty();
        assertThat(refusal(policy, "10.20.99.5")).contains(Refusal.DENIED);
        assertThat(refusal(policy, "203.0.113.7")).contains(Refusal.DENIED);
        assertThat(refusal(policy, "::ffff:203.0.113.7")).contains(Refusal.DENIED);
        assertThat(refusal(policy, "2001:db8::1")).contains(Refusal.DENIED);
        assertThat(refusal(policy, "198.51.100.1")).isEmpty();
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIs() throws UnknownHostException {
        assertThatThrownBy(() -> defaults.resolve("localhost")).isInstanceOfSatisfying(ForbiddenAddressException.class,
                e -> {
                    assertThat(e.refused().host()).isEqualTo("localhost");
                    assertThat(e.refused().refusal()).isEqualTo(Refusal.LOOPBACK);
                    assertThat(e.getMessage()).startsWith("refused: localhost resolves to ")
                            .contains("a loopback address");
                });
        assertThatThrownBy(() -> defaults.resolve("[::1]")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> defaults.resolve("169.254.169.254")).isInstanceOfSatisfying(
                ForbiddenAddressException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "refused: 169.254.169.254 resolves to 169.254.169.254, a link-local address (where cloud"
                                + " metadata services live) (govdata.share.subscription.allowed-networks /"
                                + " denied-networks)"));
        EndpointAddressPolicy tests = new EndpointAddressPolicy(List.of("127.0.0.0/8", "::1/128"), List.of());
        assertThat(tests.resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(tests.resolve("127.0.0.2")).hasSize(1);
        assertThatThrownBy(() -> tests.resolve("no-such-host.invalid")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void aNetworkThatIsNoIpAddressOrCidrBlockStopsTheStart() {
        for (String wrong : List.of("gov.example.cn", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129")) {
            assertThatThrownBy(() -> new EndpointAddressPolicy(List.of(wrong), List.of())).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("govdata.share.subscription.allowed-networks: '" + wrong + "'");
        }
        assertThatThrownBy(() -> new EndpointAddressPolicy(List.of(), List.of("intranet")))
                .hasMessageContaining("denied-networks: 'intranet'");
    }

    private static Optional<Refusal> refusal(EndpointAddressPolicy policy, String literal) throws UnknownHostException {
        return policy.refusal(InetAddress.getByName(literal));
    }
}
