package city.hotline.intake.suggestion;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * 地名库: which district an address or a map point is in, from a data file of each district's roads, streets (街道)
 * and well-known places and its centre ({@code gazetteer/wuhan.yml}). An address is scored by the names found in it:
 * where found names overlap the longest wins, each counts its length, shared among the districts that list it. A
 * point without a name in its address goes to the nearest centre within its radius.
 */
public final class Gazetteer {
  private static final double EARTH_RADIUS_KM = 6371.0;

  private final List<District> districts;
  /** Every name with the districts listing it, longest first, so a longer name claims its characters first. */
  private final List<Map.Entry<String, List<String>>> names;

  /** A district as the file lists it. */
  public record District(String code, double longitude, double latitude, double radiusKm, List<String> places) {}

  /** A district with its score, 0..1, the scores of one answer summing to at most 1. */
  public record Scored(String code, double score) {}

  public Gazetteer(List<District> districts) {
    this.districts = List.copyOf(districts);
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (District d : districts) {
      for (String place : d.places()) {
        List<String> codes = byName.computeIfAbsent(place, p -> new ArrayList<>());
        if (!codes.contains(d.code())) {
          codes.add(d.code());
        }
      }
    }
    List<Map.Entry<String, List<String>>> sorted = new ArrayList<>(byName.entrySet());
    sorted.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getKey().length()).reversed());
    this.names = List.copyOf(sorted);
  }

  /**
   * Reads the file's {@code districts: [{code, centre: {longitude, latitude}, radius-km, places: [...]}]}.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Gazetteer read(InputStream yaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(root instanceof Map<?, ?> map) || !(map.get("districts") instanceof List<?> list)) {
      throw new IllegalArgumentException("gazetteer: expected a list under 'districts'");
    }
    List<District> districts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      districts.add(district(list.get(i), i));
    }
    return new Gazetteer(districts);
  }

  private static District district(Object entry, int index) {
    if (!(entry instanceof Map<?, ?> d)) {
      throw new IllegalArgumentException("gazetteer: entry " + (index + 1) + " under 'districts' must be a district "
          + "{code, centre, radius-km, places}, not " + entry);
    }
    Object code = d.get("code");
    if (!(code instanceof String) || !(d.get("places") instanceof List<?> places) || places.isEmpty()
        || !(d.get("centre") instanceof Map<?, ?> centre) || !(d.get("radius-km") instanceof Number radius)) {
      throw new IllegalArgumentException("gazetteer: district " + code + " needs code, centre {longitude, latitude}, "
          + "radius-km and a non-empty list of places");
    }
    return new District((String) code, number(centre.get("longitude"), code), number(centre.get("latitude"), code),
        radius.doubleValue(), places.stream().map(place -> place(place, code)).toList());
  }

  /** A place is a non-blank name: a blank one would match every address everywhere (and never end the search). */
  private static String place(Object place, Object code) {
    if (!(place instanceof String name) || name.isBlank()) {
      throw new IllegalArgumentException("gazetteer: district " + code + " lists a place that is not a non-blank "
          + "name: " + place);
    }
    return name.trim();
  }

  private static double number(Object value, Object code) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("gazetteer: district " + code + " has no numeric centre longitude/latitude");
  }

  public List<District> districts() {
    return districts;
  }

  /**
   * The districts an address (or, when it names no place listed, a point) is in, best first; empty when neither
   * says. Either argument may be null.
   */
  public List<Scored> locate(String address, Double longitude, Double latitude) {
    List<Scored> byName = byAddress(address);
    if (!byName.isEmpty() || longitude == null || latitude == null) {
      return byName;
    }
    return byPoint(longitude, latitude);
  }

  /** Names found in the address, the longest first where they overlap; each weighs its length, shared when ambiguous. */
  List<Scored> byAddress(String address) {
    if (address == null || address.isBlank()) {
      return List.of();
    }
    boolean[] claimed = new boolean[address.length()];
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> name : names) {
      String text = name.getKey();
      for (int at = address.indexOf(text); at >= 0; at = address.indexOf(text, at + 1)) {
        if (free(claimed, at, text.length())) {
          Arrays.fill(claimed, at, at + text.length(), true);
          double share = (double) text.length() / name.getValue().size();
          name.getValue().forEach(code -> weights.merge(code, share, Double::sum));
        }
      }
    }
    return normalised(weights);
  }

  /** The districts whose radius holds the point, nearest first, closer scoring higher. */
  List<Scored> byPoint(double longitude, double latitude) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (District d : districts) {
      double km = distanceKm(longitude, latitude, d.longitude(), d.latitude());
      if (km <= d.radiusKm()) {
        weights.put(d.code(), 1.0 - km / d.radiusKm() + 1e-6); // at the very edge still a (weak) candidate
      }
    }
    return normalised(weights);
  }

  private static boolean free(boolean[] claimed, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (claimed[i]) {
        return false;
      }
    }
    return true;
  }

  /** Best first; equal scores in the file's order (a stable sort of the order found, which follows the file). */
  private List<Scored> normalised(Map<String, Double> weights) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Scored> scored = new ArrayList<>();
    for (District d : districts) {
      Double w = weights.get(d.code());
      if (w != null) {
        scored.add(new Scored(d.code(), w / total));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    return scored;
  }

  /** Great-circle (haversine) distance. */
  static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
  }
}
