package city.hotline.dispatch.routing;

/** What an admin's edit did: the answer is 201 for a new rule or unit, 200 otherwise. */
enum Outcome {
  CREATED,
  CHANGED,
  /** The edit asked for what is already in force (e.g. a retried request): no new version. */
  UNCHANGED
}
