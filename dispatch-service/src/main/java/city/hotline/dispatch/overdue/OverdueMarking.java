package city.hotline.dispatch.overdue;

/** Marks the cases whose deadlines have passed, each deadline at most once (implemented by casework). */
public interface OverdueMarking {
  /** @return how many deadlines this call marked */
  int markDue();
}
