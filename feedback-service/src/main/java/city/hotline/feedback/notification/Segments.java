package city.hotline.feedback.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into SMS segments in UCS-2 (what Chinese needs): up to 70 characters fit one message; a longer text
 * goes as concatenated parts of 67 characters, each behind a 6-byte user data header naming the reference, the
 * number of parts and its own place, which phones join into one text. A text longer than {@code maxParts} parts is
 * cut to fit and ends with …; a surrogate pair is never split.
 */
final class Segments {
  static final int SINGLE = 70;
  static final int PART = 67;
  private static final int UDH_LENGTH = 5;   // the header's length byte: IEI, IEDL, reference, total, sequence
  private static final int CONCATENATED = 0x00;  // IEI: concatenated short messages, 8-bit reference
  private static final int IEDL = 3;

  private Segments() {}

  /** @param reference the same for every part of one text, so the phone knows which belong together */
  static List<byte[]> ucs2(String text, int maxParts, int reference) {
    if (text.length() <= SINGLE) {
      return List.of(text.getBytes(StandardCharsets.UTF_16BE));
    }
    List<String> parts = split(text);
    if (parts.size() > maxParts) {
      parts = new ArrayList<>(parts.subList(0, maxParts));
      String last = parts.get(maxParts - 1);
      parts.set(maxParts - 1, last.substring(0, cut(last, last.length() - 1)) + "…");
    }
    List<byte[]> segments = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
      byte[] segment = new byte[UDH_LENGTH + 1 + body.length];
      segment[0] = UDH_LENGTH;
      segment[1] = CONCATENATED;
      segment[2] = IEDL;
      segment[3] = (byte) reference;
      segment[4] = (byte) parts.size();
      segment[5] = (byte) (i + 1);
      System.arraycopy(body, 0, segment, UDH_LENGTH + 1, body.length);
      segments.add(segment);
    }
    return segments;
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start + PART >= text.length() ? text.length() : cut(text, start + PART);
      parts.add(text.substring(start, end));
      start = end;
    }
    return parts;
  }

  /** {@code at}, or one before it when {@code at} would split a surrogate pair. */
  private static int cut(String text, int at) {
    return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
  }
}
