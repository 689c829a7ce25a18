package city.hotline.feedback.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsmpp.bean.TypeOfNumber;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Citizens' texts (短信), {@code hotline.sms}.
 *
 * @param sender {@code log} (a log line per text, never the number or the body) or {@code smpp}
 * @param templates the YAML file of the texts (the Chinese ones in the jar unless a {@code file:} path is given)
 * @param publicUrl where citizens reach the gateway: the progress page is {@code publicUrl/track.html}
 * @param drainInterval how often each replica's sender looks for texts due
 * @param lease how long a claimed text is left to its sender before another may take it (longer than a send takes)
 * @param retryBackoff the pause after the first failed send, doubled after each further failure …
 * @param retryBackoffMax … up to this
 * @param maxAttempts failed sends after which a text is given up (FAILED)
 * @param waitRetry how often a text waiting for its caller (registration not read yet) or its rating link (the visit
 *     not opened yet) looks again …
 * @param waitLimit … and how long it waits in all before it is given up
 * @param answerMaxChars the most characters of the unit's answer a resolution text quotes
 * @param optOutKeywords replies that stop all texts to the number (退订), compared ignoring case and spaces
 * @param optOutKey the secret the opted-out numbers are hashed with (changing it forgets them)
 * @param maxEventAge an event older than this when read gets no text (SKIPPED, STALE): a new consumer group or a
 *     replay of the topics does not text every caller of Kafka's retention
 * @param keep how long ended texts, delivery receipts and whom a ticket's texts go to are kept
 * @param purgeInterval how often what is older than {@code keep} is deleted
 */
@ConfigurationProperties("hotline.sms")
public record SmsSettings(String sender, Resource templates, String publicUrl, Duration drainInterval,
    Duration lease, Duration retryBackoff, Duration retryBackoffMax, int maxAttempts, Duration waitRetry,
    Duration waitLimit, int answerMaxChars, List<String> optOutKeywords, String optOutKey, Duration maxEventAge,
    Duration keep, Duration purgeInterval, Smpp smpp) {

  static final String LOG = "log";
  static final String SMPP = "smpp";
  /** How the shipped development key starts (application.yml): anyone can read it, so it hides no number. */
  static final String DEVELOPMENT_KEY_PREFIX = "change-me";

  public SmsSettings {
    if (!Set.of(LOG, SMPP).contains(sender)) {
      throw new IllegalArgumentException("hotline.sms.sender must be " + LOG + " or " + SMPP + ", not '" + sender + "'");
    }
    if (answerMaxChars < 1 || !positive(waitRetry) || !positive(maxEventAge) || !positive(keep)) {
      throw new IllegalArgumentException(
          "hotline.sms: answer-max-chars must be at least 1, wait-retry, max-event-age and keep longer than 0");
    }
    if (SMPP.equals(sender) && lease.compareTo(smpp.longestSend()) <= 0) {
      // a send outlasting its claim lets another replica take the text and send it too
      throw new IllegalArgumentException("hotline.sms.lease (" + lease + ") must be longer than the longest send, "
          + "smpp.connect-timeout + smpp.timeout × (1 bind + max-parts) = " + smpp.longestSend());
    }
  }

  private static boolean positive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /** The key is the shipped development one (a warning at start where texts really go). */
  boolean developmentOptOutKey() {
    return optOutKey.startsWith(DEVELOPMENT_KEY_PREFIX);
  }

  /** The pause before the next try after {@code failures} failed sends. */
  Duration backoff(int failures) {
    Duration pause = retryBackoff.multipliedBy(1L << Math.min(failures - 1, Long.SIZE - 2));
    return pause.compareTo(retryBackoffMax) > 0 || pause.isNegative() ? retryBackoffMax : pause;
  }

  /**
   * The SMS centre (短信网关) over SMPP 3.4.
   *
   * @param bindType transceiver (texts out, receipts and replies in, one connection) or transmitter (out only: no
   *     receipts and no TD replies)
   * @param sourceAddress the number texts come from (e.g. 12345 or a 106… service number)
   * @param sourceTon type of number of the source address, a jsmpp TypeOfNumber name (UNKNOWN, NATIONAL, ALPHANUMERIC…)
   * @param destinationTon type of number of the citizen's 11 digits (NATIONAL in China, UNKNOWN for many centres)
   * @param maxParts the most concatenated parts one text may take; a longer one is cut and ends with …
   * @param serviceType submit_sm's service_type (up to 5 characters, usually empty): not the bind's system_type
   * @param connectTimeout how long opening the connection may take (a centre that drops the packets)
   * @param timeout how long a bind or a submit waits for the centre's answer
   * @param enquireLink how often an idle connection is checked (enquire_link)
   * @param reconnectInterval how often a lost connection is bound again
   */
  public record Smpp(String host, int port, String systemId, String password, String systemType, String serviceType,
      String bindType, String sourceAddress, String sourceTon, String destinationTon, int maxParts,
      Duration connectTimeout, Duration timeout, Duration enquireLink, Duration reconnectInterval) {

    static final int MAX_SERVICE_TYPE = 5;
    static final int MAX_PARTS = 255;

    public Smpp {
      serviceType = serviceType == null ? "" : serviceType;
      // checked here, not on each send: a typo would otherwise cost every text its attempts
      for (String ton : List.of(sourceTon, destinationTon)) {
        if (Arrays.stream(TypeOfNumber.values()).noneMatch(t -> t.name().equals(ton))) {
          throw new IllegalArgumentException("hotline.sms.smpp: '" + ton + "' is not a TypeOfNumber, one of "
              + Arrays.toString(TypeOfNumber.values()));
        }
      }
      if (maxParts < 1 || maxParts > MAX_PARTS || serviceType.length() > MAX_SERVICE_TYPE) {
        throw new IllegalArgumentException("hotline.sms.smpp: max-parts must be 1 to " + MAX_PARTS
            + ", service-type at most " + MAX_SERVICE_TYPE + " characters");
      }
    }

    /** The longest one text can take: connecting, binding, and every part's submit each waiting their longest. */
    Duration longestSend() {
      return connectTimeout.plus(timeout.multipliedBy(1L + maxParts));
    }
  }
}
