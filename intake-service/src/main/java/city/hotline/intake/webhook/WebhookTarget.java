package city.hotline.intake.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where intake may POST to (against SSRF): a webhook's host must resolve to public addresses only, every one of them,
 * unless an address lies in {@code hotline.webhooks.allowed-networks}. Loopback, any-local, link-local (cloud metadata
 * at 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7) and multicast addresses are refused. Checked
 * when an admin subscribes and again before each send, so a name that later resolves inward (DNS rebinding) is
 * refused then. A refusal says nothing of what is there: it is never connected to.
 */
final class WebhookTarget {
  static final String NOT_ALLOWED = "address not allowed";
  static final String RULE = "must not point at a loopback, link-local, private or multicast address";
  private static final int ULA_MASK = 0xfe;
  private static final int ULA_PREFIX = 0xfc;

  private final List<Network> allowed;

  WebhookTarget(List<String> allowedNetworks) {
    this.allowed = allowedNetworks.stream().map(Network::parse).toList();
  }

  /** @return what is wrong with sending to this URL's host, if anything (resolved now) */
  Optional<String> problem(URI url) {
    try {
      for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
        if (inward(address) && allowed.stream().noneMatch(n -> n.contains(address))) {
          return Optional.of(RULE);
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("must name a host that resolves");
    }
  }

  private static boolean inward(InetAddress address) {
    return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()
        || (address instanceof Inet6Address && (address.getAddress()[0] & ULA_MASK) == ULA_PREFIX);
  }
}
