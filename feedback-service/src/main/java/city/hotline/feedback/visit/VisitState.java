package city.hotline.feedback.visit;

/** A return visit waits for the case to be resolved, is then open in the operators' queue, and ends closed. */
public enum VisitState { AWAITING_RESOLUTION, OPEN, CLOSED }
