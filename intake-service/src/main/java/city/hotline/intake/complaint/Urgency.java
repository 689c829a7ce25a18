package city.hotline.intake.complaint;

/** 紧急 emergency, 较急 urgent, 一般 normal (SPEC §3). */
public enum Urgency { EMERGENCY, URGENT, NORMAL }
