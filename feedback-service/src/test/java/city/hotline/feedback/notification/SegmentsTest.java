package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  private static String body(byte[] segment, boolean header) {
    return new String(header ? Arrays.copyOfRange(segment, 6, segment.length) : segment, StandardCharsets.UTF_16BE);
  }

  @Test
  void seventyCharactersAreOneMessageWithoutAHeader() {
    String text = "办".repeat(70);
    assertThat(Segments.ucs2(text, 3, 7)).singleElement().satisfies(s -> assertThat(body(s, false)).isEqualTo(text));
  }

  @Test
  void seventyOneAreTwoJoinedPartsOfOneReference() {
    List<byte[]> parts = Segments.ucs2("办".repeat(71), 3, 7);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).startsWith(5, 0, 3, 7, 2, 1);
    assertThat(parts.get(1)).startsWith(5, 0, 3, 7, 2, 2);
    assertThat(body(parts.get(0), true)).hasSize(67);
    assertThat(body(parts.get(1), true)).hasSize(4);
  }

  @Test
  void aTextBeyondTheLastPartIsCutWithAnEllipsisAndNoPairIsSplit() {
    String emoji = "😀"; // two UTF-16 units
    List<byte[]> parts = Segments.ucs2("好".repeat(66) + emoji + "好".repeat(200), 2, 1);
    assertThat(parts).hasSize(2);
    String first = body(parts.get(0), true);
    assertThat(first).isEqualTo("好".repeat(66)).as("the pair moves whole to the next part");
    assertThat(body(parts.get(1), true)).startsWith(emoji).endsWith("…");
  }
}
