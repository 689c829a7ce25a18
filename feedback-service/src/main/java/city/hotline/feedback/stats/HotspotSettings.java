package city.hotline.feedback.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param limit how many category × district cells the 每月一题 candidates list at most (at least one) */
@ConfigurationProperties("hotline.hotspots")
record HotspotSettings(int limit) {

  HotspotSettings {
    if (limit <= 0) {
      throw new IllegalArgumentException("hotline.hotspots.limit must be at least 1");
    }
  }
}
