package city.hotline.intake.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A CIDR network such as 10.20.0.0/16 or fd00::/8, of {@code hotline.webhooks.allowed-networks}. */
record Network(byte[] prefix, int bits) {
  private static final int BITS_PER_BYTE = 8;
  private static final int BYTE_MASK = 0xff;
  /** Literal addresses only: a name would be looked up in DNS, and an allow-list must not depend on it. */
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** @throws IllegalArgumentException for anything but address/bits with a literal address */
  static Network parse(String cidr) {
    String[] parts = cidr.strip().split("/", -1);
    if (parts.length != 2 || !LITERAL.matcher(parts[0]).matches() || !parts[1].matches("\\d{1,3}")) {
      throw new IllegalArgumentException("hotline.webhooks.allowed-networks: " + cidr + " is not address/bits");
    }
    try {
      byte[] address = InetAddress.getByName(parts[0]).getAddress();
      int bits = Integer.parseInt(parts[1]);
      if (bits > address.length * BITS_PER_BYTE) {
        throw new IllegalArgumentException("hotline.webhooks.allowed-networks: " + cidr + " has too many bits");
      }
      return new Network(address, bits);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("hotline.webhooks.allowed-networks: " + cidr + " is not an address", e);
    }
  }

  boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != prefix.length) {
      return false;
    }
    for (int bit = 0; bit < bits; bit++) {
      int index = bit / BITS_PER_BYTE;
      int mask = 1 << (BITS_PER_BYTE - 1 - bit % BITS_PER_BYTE);
      if (((prefix[index] & BYTE_MASK) & mask) != ((other[index] & BYTE_MASK) & mask)) {
        return false;
      }
    }
    return true;
  }
}
