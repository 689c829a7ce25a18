package city.hotline.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature a receiver checks, and the waits between attempts. */
class SignatureAndBackoffTest {
  @Test
  void theSignatureIsTheHexHmacSha256OfTheTimestampADotAndTheBody() {
    // as any HMAC library computes it, e.g. python3: hmac.new(b'whsec-test', b'1767225600.{...}', 'sha256').hexdigest()
    assertThat(Signature.sign("whsec-test", 1767225600L, "{\"ticketId\":\"WH20260101000001\"}"))
        .isEqualTo("sha256=85a24a9c1df19f1f7d41c14653a07ca92f7d9d09a0e5a48f384c59017146c335");
    assertThat(Signature.sign("whsec-test", 1767225601L, "{\"ticketId\":\"WH20260101000001\"}"))
        .as("another time, another signature: an old one cannot be replayed with a new timestamp")
        .isNotEqualTo(Signature.sign("whsec-test", 1767225600L, "{\"ticketId\":\"WH20260101000001\"}"));
  }

  @Test
  void secretsAre256RandomBitsAndNeverTheSame() {
    assertThat(Signature.newSecret()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Signature.newSecret());
  }

  @Test
  void theWaitDoublesWithEachFailureUpToTheCapAndIsDrawnFromItsUpperHalf() {
    Backoff midway = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.5);
    Backoff shortest = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.0);

    assertThat(midway.after(1)).isEqualTo(Duration.ofMillis(7500)); // between 5 s and 10 s
    assertThat(midway.after(2)).isEqualTo(Duration.ofSeconds(15));
    assertThat(midway.after(4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(midway.after(30)).isEqualTo(Duration.ofMinutes(45)); // the cap, 1 h
    assertThat(midway.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(45));
    assertThat(shortest.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(shortest.after(30)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aRotatedSecretSignsAlongsideTheNewOneUntilTheOverlapEnds() {
    Instant until = Instant.parse("2026-12-09T00:00:00Z");
    Subscription rotated = new Subscription("WK0001", "PT0001", "https://p.example/h", Scope.OWN_REPORTS, null, null,
        "new-secret", until.minusSeconds(86400), "old-secret", until);

    assertThat(Signature.sign(rotated.signingSecrets(until.minusSeconds(1)), 1767225600L, "{}"))
        .isEqualTo(Signature.sign("new-secret", 1767225600L, "{}") + "," + Signature.sign("old-secret", 1767225600L, "{}"));
    assertThat(rotated.signingSecrets(until)).containsExactly("new-secret");
  }
}
