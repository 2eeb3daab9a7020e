package cn.govdata.share.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import cn.govdata.shared.LocalizedText;

/**
 * Which addresses the platform pushes subscriptions to (SSRF protection, SHR-5). An endpoint's host is resolved
 * and <em>every</em> address it resolves to must be allowed — at registration and again at each delivery, where
 * the delivery then connects only to the addresses checked ({@link SubscriptionPusher}), so a name that resolves
 * elsewhere a moment later (DNS rebinding) gains nothing.
 *
 * <p>An address is refused when it is in {@code denied-networks} (the operator's list, which always wins); or is
 * unspecified, multicast, reserved or link-local (169.254/16 holds the cloud metadata services, fe80::/10) — never
 * a subscriber's endpoint, whatever else is configured; or is loopback or private (RFC 1918, RFC 6598 shared space
 * 100.64/10 — Alibaba Cloud's metadata service is 100.100.100.200 —, fc00::/7, the deprecated fec0::/10) and not
 * in {@code allowed-networks}. Government subscribers often sit on the extranet's private addresses, so the
 * operator opens exactly those networks; loopback belongs in that list only for tests. An IPv6 address carrying
 * an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::a.b.c.d}) is judged as that IPv4 address.
 */
@Component
class EndpointAddressPolicy {

    /** Why an address is refused, in both console languages. */
    enum Refusal {
        DENIED(new LocalizedText("平台禁止的网络", "in a network the platform denies")),
        UNSPECIFIED(new LocalizedText("未指定地址", "an unspecified address")),
        MULTICAST(new LocalizedText("组播地址", "a multicast address")),
        RESERVED(new LocalizedText("保留地址", "a reserved address")),
        LINK_LOCAL(new LocalizedText("链路本地地址（含云元数据服务）",
                "a link-local address (where cloud metadata services live)")),
        LOOPBACK(new LocalizedText("本机回环地址", "a loopback address")),
        PRIVATE(new LocalizedText("平台未允许的内网地址", "a private network the platform has not allowed"));

        private final LocalizedText label;

        Refusal(LocalizedText label) {
            this.label = label;
        }

        LocalizedText label() {
            return label;
        }

        /** Whether {@code allowed-networks} can open it: only loopback and private networks. */
        boolean openable() {
            return this == LOOPBACK || this == PRIVATE;
        }
    }

    /** A host that resolves to an address refused, and why. */
    record Refused(String host, InetAddress address, Refusal refusal) {

        /** For a delivery's error (English, like every delivery error). */
        String describe() {
            return "refused: " + host + " resolves to " + address.getHostAddress() + ", " + refusal.label().en()
                    + " (govdata.share.subscription.allowed-networks / denied-networks)";
        }
    }

    /**
     * A refusal where the contract allows only an {@link UnknownHostException} (HttpClient's DNS resolver): to the
     * delivery the host has no address it may connect to.
     */
    static final class ForbiddenAddressException extends UnknownHostException {

        private final transient Refused refused;

        ForbiddenAddressException(Refused refused) {
            super(refused.describe());
            this.refused = refused;
        }

        Refused refused() {
            return refused;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EndpointAddressPolicy.class);

    /** An IP address or CIDR block (Spring Security's matcher: IPv4 and IPv6, never a host name). */
    private record Network(String cidr, IpAddressMatcher matcher) {

        Network(String cidr) {
            this(cidr, new IpAddressMatcher(cidr));
        }

        boolean contains(InetAddress address) {
            // an IPv4 address never matches an IPv6 network and the other way round
            return matcher.matches(literal(address));
        }
    }

    /** A built-in range and why it is refused. */
    private record Range(Network network, Refusal refusal) {

        Range(String cidr, Refusal refusal) {
            this(new Network(cidr), refusal);
        }
    }

    /** Refused whatever {@code allowed-networks} says; checked first. */
    private static final List<Range> NEVER = List.of(
            new Range("0.0.0.0/8", Refusal.UNSPECIFIED), new Range("::/128", Refusal.UNSPECIFIED),
            new Range("224.0.0.0/4", Refusal.MULTICAST), new Range("ff00::/8", Refusal.MULTICAST),
            new Range("240.0.0.0/4", Refusal.RESERVED), // and 255.255.255.255, the broadcast address
            new Range("169.254.0.0/16", Refusal.LINK_LOCAL), new Range("fe80::/10", Refusal.LINK_LOCAL));

    /** Refused unless {@code allowed-networks} holds the address. */
    private static final List<Range> UNLESS_ALLOWED = List.of(
            new Range("127.0.0.0/8", Refusal.LOOPBACK), new Range("::1/128", Refusal.LOOPBACK),
            new Range("10.0.0.0/8", Refusal.PRIVATE), new Range("172.16.0.0/12", Refusal.PRIVATE),
            new Range("192.168.0.0/16", Refusal.PRIVATE), new Range("100.64.0.0/10", Refusal.PRIVATE),
            new Range("fc00::/7", Refusal.PRIVATE), new Range("fec0::/10", Refusal.PRIVATE));

    private static final byte[] NAT64_PREFIX = { 0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

    private final List<Network> allowed;
    private final List<Network> denied;

    @Autowired
    EndpointAddressPolicy(SubscriptionSettings settings) {
        this(settings.allowedNetworks(), settings.deniedNetworks());
    }

    EndpointAddressPolicy(List<String> allowedNetworks, List<String> deniedNetworks) {
        this.allowed = networks("allowed-networks", allowedNetworks);
        this.denied = networks("denied-networks", deniedNetworks);
        allowed.stream().filter(network -> network.matcher().matches("127.0.0.1") || network.matcher().matches("::1"))
                .forEach(network -> log.warn("govdata.share.subscription.allowed-networks {} lets subscriptions push "
                        + "to this machine's loopback; only tests should allow that", network.cidr()));
    }

    /**
     * Every address of the host, if all are allowed.
     *
     * @throws ForbiddenAddressException the first address refused
     * @throws UnknownHostException the host has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            Optional<Refusal> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new ForbiddenAddressException(new Refused(host, address, refusal.get()));
            }
        }
        return List.of(addresses);
    }

    /** Why the platform does not push to the address, or empty when it may. */
    Optional<Refusal> refusal(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (matches(denied, address) || matches(denied, judged)) {
            return Optional.of(Refusal.DENIED);
        }
        Optional<Refusal> never = classify(NEVER, judged);
        if (never.isPresent()) {
            return never;
        }
        return classify(UNLESS_ALLOWED, judged).filter(refusal -> !matches(allowed, judged));
    }

    // --- internals ------------------------------------------------------------------------------------------

    private static Optional<Refusal> classify(List<Range> ranges, InetAddress address) {
        return ranges.stream().filter(range -> range.network().contains(address)).map(Range::refusal).findFirst();
    }

    private static boolean matches(List<Network> networks, InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /** The address as a literal without an IPv6 scope ({@code fe80::1%eth0}), which the matcher cannot parse. */
    private static String literal(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a byte array of a wrong length
        }
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64), which is where it leads. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] head = Arrays.copyOf(bytes, 12);
        boolean zeroes = Arrays.equals(Arrays.copyOf(head, 10), new byte[10]);
        boolean mapped = zeroes && head[10] == (byte) 0xff && head[11] == (byte) 0xff;
        // ::a.b.c.d, but not :: and ::1, which are IPv6's own unspecified and loopback addresses
        boolean compatible = Arrays.equals(head, new byte[12])
                && !((bytes[12] | bytes[13] | bytes[14]) == 0 && (bytes[15] == 0 || bytes[15] == 1));
        if (!mapped && !compatible && !Arrays.equals(head, NAT64_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Network> networks(String setting, List<String> networks) {
        return networks.stream().map(String::strip).filter(network -> !network.isEmpty()).map(network -> {
            try {
                return new Network(network);
            } catch (IllegalArgumentException e) { // also NumberFormatException, a prefix length that is no number
                throw new IllegalArgumentException("govdata.share.subscription." + setting + ": '" + network
                        + "' is not an IP address or CIDR block such as 10.20.0.0/16 or fd00::/8", e);
            }
        }).toList();
    }
}
