package city.hotline.feedback.visit;

/** 满意 / 基本满意 / 不满意, as the citizen answers on the return visit. */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED;

  /** Counts towards the satisfaction rate's numerator (SPEC §5). */
  public boolean isContent() {
    return this != DISSATISFIED;
  }
}
