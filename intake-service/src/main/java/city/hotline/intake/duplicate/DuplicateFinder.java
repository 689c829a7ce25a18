package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * 重复件: finds the open tickets a call likely repeats — the same phone, or the same category at the
 * same address or within the radius — with indexed queries of the work orders (by phone, by address, by map cell).
 */
@Service
public class DuplicateFinder {
  /** Work orders read per candidate shown: most are the same problem, a few are too far. */
  private static final int READ_PER_CANDIDATE = 5;
  private final ComplaintRepository complaints;
  private final DuplicateSettings settings;

  DuplicateFinder(ComplaintRepository complaints, DuplicateSettings settings) {
    this.complaints = complaints;
    this.settings = settings;
  }

  /**
   * Where a call is, as the queries below compare places: stored with each work order at registration. The cell
   * size follows the configured radius, so a changed radius finds nearby calls registered before it only by address.
   */
  public WorkOrder.PlaceKeys placeOf(String address, RegistrationRequest.Location location) {
    String addressKey = address == null || address.isBlank() ? null : Places.normalizeAddress(address);
    String cell = location == null || location.longitude() == null || location.latitude() == null ? null
        : Places.cell(location.longitude(), location.latitude(), settings.radiusMeters()).key();
    return new WorkOrder.PlaceKeys(addressKey, cell);
  }

  /** Open tickets this call may repeat, newest first, never {@code self}. */
  public List<DuplicateCandidate> candidates(DuplicateProbe probe, String self) {
    return candidates(probe, placeOf(probe.address(), probe.location()), self);
  }

  /** The same, for a call whose place keys are worked out already (a registration stores them too). */
  public List<DuplicateCandidate> candidates(DuplicateProbe probe, WorkOrder.PlaceKeys place, String self) {
    Map<String, WorkOrder> found = new LinkedHashMap<>();
    if (probe.callerPhone() != null && !probe.callerPhone().isBlank()) {
      complaints.byPhone(probe.callerPhone(), settings.phoneLookback()).stream()
          .filter(order -> WorkOrder.OPEN.contains(order.status()))
          .forEach(order -> found.put(order.ticketId(), order));
    }
    int read = settings.maxCandidates() * READ_PER_CANDIDATE; // a busy address or cell: only the newest few
    if (probe.category() != null && probe.district() != null && place.addressKey() != null) {
      complaints.openAtAddress(probe.category(), probe.district(), place.addressKey(), read)
          .forEach(order -> found.put(order.ticketId(), order));
    }
    if (probe.category() != null && place.cell() != null) {
      List<String> cells = Places.around(probe.location().longitude(), probe.location().latitude(),
          settings.radiusMeters()).stream().map(Places.Cell::key).toList();
      complaints.openInCells(probe.category(), cells, read).forEach(order -> found.put(order.ticketId(), order));
    }
    found.remove(self);
    return found.values().stream()
        .map(order -> judge(probe, place, order))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(DuplicateCandidate::ticketId).reversed())
        .limit(settings.maxCandidates())
        .toList();
  }

  private Optional<DuplicateCandidate> judge(DuplicateProbe probe, WorkOrder.PlaceKeys place, WorkOrder earlier) {
    List<DuplicateCandidate.Reason> reasons = new ArrayList<>();
    if (Objects.equals(probe.callerPhone(), earlier.callerPhone())) {
      reasons.add(DuplicateCandidate.Reason.SAME_PHONE);
    }
    boolean sameCategory = Objects.equals(probe.category(), earlier.category());
    if (sameCategory && place.addressKey() != null && Objects.equals(probe.district(), earlier.district())
        && place.addressKey().equals(earlier.addressKey())) {
      reasons.add(DuplicateCandidate.Reason.SAME_ADDRESS);
    }
    Integer distance = null;
    if (place.cell() != null && earlier.location() != null) {
      distance = (int) Math.round(Places.distanceMeters(probe.location().longitude(), probe.location().latitude(),
          earlier.location().longitude(), earlier.location().latitude()));
      if (sameCategory && distance <= settings.radiusMeters()) {
        reasons.add(DuplicateCandidate.Reason.NEARBY);
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty(); // a neighbouring cell, but farther than the radius
    }
    return Optional.of(new DuplicateCandidate(earlier.ticketId(), reasons, distance, earlier.status(),
        earlier.registeredAt(), earlier.category(), earlier.district(), earlier.address(), earlier.description()));
  }
}
