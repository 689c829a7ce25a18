package city.hotline.intake.complaint;

/** How the citizen reached the hotline (来电渠道): WEB is the citizens' own page, OPEN311 a partner system's report. */
public enum Channel { PHONE, WEB, APP, WECHAT, SMS, EMAIL, OPEN311 }
