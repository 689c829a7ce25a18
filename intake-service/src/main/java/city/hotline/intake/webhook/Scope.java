package city.hotline.intake.webhook;

/** Which tickets' changes a partner's webhook hears of. */
public enum Scope {
  /** The reports the partner registered itself (Open311, with its api key). */
  OWN_REPORTS,
  /** Every ticket of a category and/or district (辖区), whoever reported it. */
  AREA
}
