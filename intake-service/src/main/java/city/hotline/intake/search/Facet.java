package city.hotline.intake.search;

/** What a search can filter on by key; ALL is the list of every ticket of a day. */
enum Facet {
  STATUS, DISTRICT, CATEGORY, TYPE, CHANNEL, URGENCY, ALL;

  String key() {
    return name().toLowerCase();
  }
}
