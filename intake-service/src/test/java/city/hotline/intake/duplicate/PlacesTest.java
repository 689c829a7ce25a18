package city.hotline.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlacesTest {
  private static final double RADIUS = 100;

  @Test
  void spellingNoiseDoesNotMakeAnotherAddress() {
    assertThat(Places.normalizeAddress("武昌区 中北路８８号，东门"))
        .isEqualTo(Places.normalizeAddress("武昌区中北路88号东门"));
    assertThat(Places.normalizeAddress("Optics Valley Rd. 1")).isEqualTo(Places.normalizeAddress("optics valley rd 1"));
    assertThat(Places.normalizeAddress("中北路88号")).isNotEqualTo(Places.normalizeAddress("中北路89号"));
  }

  @Test
  void distancesAreMetresOnTheGround() {
    // 0.001° of latitude is about 111 m anywhere; at Wuhan's latitude 0.001° of longitude is about 96 m.
    assertThat(Places.distanceMeters(114.3, 30.5, 114.3, 30.501)).isBetween(110.0, 112.0);
    assertThat(Places.distanceMeters(114.3, 30.5, 114.301, 30.5)).isBetween(95.0, 97.0);
    assertThat(Places.distanceMeters(114.3, 30.5, 114.3, 30.5)).isZero();
  }

  @Test
  void everyPointWithinTheRadiusLiesInTheCellsAroundTheOther() {
    Random random = new Random(12345);
    for (int i = 0; i < 20_000; i++) {
      double lon = 113.7 + random.nextDouble() * 1.4; // Wuhan, and beyond
      double lat = 29.9 + random.nextDouble() * 1.5 + (i % 4 == 0 ? 20 : 0); // and as far north as Harbin's 50°
      double bearing = random.nextDouble() * 2 * Math.PI;
      double metres = random.nextDouble() * RADIUS;
      double otherLat = lat + metres * Math.cos(bearing) / 111_320;
      double otherLon = lon + metres * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(lat)));
      if (Places.distanceMeters(lon, lat, otherLon, otherLat) > RADIUS) {
        continue; // the flat-earth step above can overshoot by a hair
      }
      assertThat(Places.around(lon, lat, RADIUS)).as("point %d", i).contains(Places.cell(otherLon, otherLat, RADIUS));
    }
  }
}
