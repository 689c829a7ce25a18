package city.hotline.feedback.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param limit how many category × district cells the 每月一题 candidates list at most */
@ConfigurationProperties("hotline.hotspots")
record HotspotSettings(int limit) {}
