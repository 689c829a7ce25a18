package city.hotline.intake.complaint;

/** How the citizen reached the hotline (来电渠道). */
public enum Channel { PHONE, WEB, APP, WECHAT, SMS, EMAIL }
