package city.hotline.intake.suggestion;

/** What the operator has typed so far: the description (required), the address and a map point if any. */
record SuggestionRequest(String description, String address, Location location) {

  /** WGS-84 degrees. */
  record Location(Double longitude, Double latitude) {}

  /** Says what the call is about, never more: the description may name the caller. */
  @Override
  public String toString() {
    return "SuggestionRequest[" + (description == null ? 0 : description.length()) + " characters]";
  }
}
