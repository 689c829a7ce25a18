package city.hotline.dispatch.casework;

/** Why a unit sends a case back (退单原因); the unit adds its own words in the note. */
public enum ReturnReason {
  NOT_OUR_DISTRICT("非本辖区"),
  NOT_OUR_RESPONSIBILITY("非本单位职责"),
  INSUFFICIENT_INFORMATION("信息不全, 无法处置"),
  DUPLICATE("重复工单"),
  OTHER("其他");

  private final String label;

  ReturnReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
