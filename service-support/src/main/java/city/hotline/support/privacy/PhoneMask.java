package city.hotline.support.privacy;

/** 138****1234: the caller's phone as everyone but operators sees it (SPEC §2). */
public final class PhoneMask {
  private static final int KEEP_START = 3;
  private static final int KEEP_END = 4;

  private PhoneMask() {}

  public static String mask(String phone) {
    if (phone == null || phone.length() <= KEEP_START + KEEP_END) {
      return "****";
    }
    return phone.substring(0, KEEP_START) + "****" + phone.substring(phone.length() - KEEP_END);
  }
}
