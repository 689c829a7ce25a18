package city.hotline.dispatch.overdue;

/** The two clocks a case runs against (SPEC §3). */
public enum DeadlineKind {
  CLAIM, // 签收时限
  RESOLVE // 办结时限
}
