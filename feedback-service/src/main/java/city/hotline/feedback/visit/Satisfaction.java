package city.hotline.feedback.visit;

/** 满意 / 基本满意 / 不满意, as the citizen answers on the return visit. */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED
}
