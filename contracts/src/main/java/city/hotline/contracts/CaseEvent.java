package city.hotline.contracts;

/** A payload about one case; each carries the case's dimensions so readers need no other event to place it. */
public interface CaseEvent {
  CaseFacts facts();
}
