package city.hotline.contracts;

import java.util.Arrays;
import java.util.Optional;

/** Every event type with its payload record and the schema version producers write today. */
public enum EventType {
  COMPLAINT_REGISTERED("ComplaintRegistered", ComplaintRegistered.class, 1),
  COMPLAINT_MERGED("ComplaintMerged", ComplaintMerged.class, 1),
  CASE_DISPATCHED("CaseDispatched", CaseDispatched.class, 1),
  CASE_AWAITING_MANUAL_DISPATCH("CaseAwaitingManualDispatch", CaseAwaitingManualDispatch.class, 1),
  CASE_CLAIMED("CaseClaimed", CaseClaimed.class, 1),
  CASE_RESOLVED("CaseResolved", CaseResolved.class, 1),
  CASE_CLOSED("CaseClosed", CaseClosed.class, 1),
  CASE_RETURNED("CaseReturned", CaseReturned.class, 1),
  CASE_EXTENSION_REQUESTED("CaseExtensionRequested", CaseExtensionRequested.class, 1),
  CASE_EXTENSION_DECIDED("CaseExtensionDecided", CaseExtensionDecided.class, 1),
  CASE_OVERDUE("CaseOverdue", CaseOverdue.class, 1),
  CASE_PRESSED("CasePressed", CasePressed.class, 1),
  CASE_REOPENED("CaseReopened", CaseReopened.class, 1),
  CASE_WITHDRAWN("CaseWithdrawn", CaseWithdrawn.class, 1),
  SURGE_DETECTED("SurgeDetected", SurgeDetected.class, 1),
  SURGE_GREW("SurgeGrew", SurgeGrew.class, 1),
  SURGE_ENDED("SurgeEnded", SurgeEnded.class, 1);

  private final String wireName;
  private final Class<?> payloadType;
  private final int schemaVersion;

  EventType(String wireName, Class<?> payloadType, int schemaVersion) {
    this.wireName = wireName;
    this.payloadType = payloadType;
    this.schemaVersion = schemaVersion;
  }

  public String wireName() {
    return wireName;
  }

  public Class<?> payloadType() {
    return payloadType;
  }

  /** The newest version a reader of this contract understands; newer ones go to dead letters. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
