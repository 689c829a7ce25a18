package city.hotline.intake.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Ticket numbers: prefix + yyyyMMdd + 6-digit daily sequence, e.g. {@code WH20261122000123}. */
public final class TicketNumber {
  static final long MAX_PER_DAY = 999_999;
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private TicketNumber() {}

  /** The key of one day's sequence, e.g. {@code WH20261122}. */
  public static String dayKey(String prefix, LocalDate day) {
    return prefix + day(day);
  }

  /** The key of the day's sequence a ticket was numbered in, e.g. {@code WH20261122}. */
  static String dayKeyOf(String ticketId) {
    return ticketId.substring(0, ticketId.length() - 6);
  }

  /** Its place in the day's sequence, from 1. */
  public static long sequence(String ticketId) {
    return Long.parseLong(ticketId.substring(ticketId.length() - 6));
  }

  private static String day(LocalDate day) {
    return DAY.format(day);
  }

  public static String of(String dayKey, long sequence) {
    if (sequence < 1 || sequence > MAX_PER_DAY) {
      throw new IllegalStateException("daily ticket sequence exhausted for " + dayKey + ": " + sequence);
    }
    return dayKey + String.format("%06d", sequence);
  }
}
