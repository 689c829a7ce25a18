package city.hotline.intake.complaint;

/** 投诉 complaint, 求助 request, 咨询 consultation, 举报 report, 建议 suggestion. */
public enum ComplaintType { COMPLAINT, REQUEST, CONSULTATION, REPORT, SUGGESTION }
