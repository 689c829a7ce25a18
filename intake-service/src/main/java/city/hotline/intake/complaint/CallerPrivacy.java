package city.hotline.intake.complaint;

import city.hotline.support.privacy.PhoneMask;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;

/**
 * What a reader may see of a citizen (SPEC §2): operators everything; everyone else a masked phone;
 * bureaus nothing at all of a confidential (保密) caller.
 */
final class CallerPrivacy {
  private CallerPrivacy() {}

  static String name(String name, boolean confidential, Caller reader) {
    return hidden(confidential, reader) ? null : name;
  }

  static String phone(String phone, boolean confidential, Caller reader) {
    if (reader.has(Role.OPERATOR)) {
      return phone;
    }
    return hidden(confidential, reader) ? null : PhoneMask.mask(phone);
  }

  private static boolean hidden(boolean confidential, Caller reader) {
    return confidential && reader.has(Role.BUREAU) && !reader.has(Role.OPERATOR);
  }
}
