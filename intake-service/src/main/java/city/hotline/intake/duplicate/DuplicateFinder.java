package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.CallerIndex;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * 重复件: finds the open tickets a call likely repeats — the same phone, or the same category at the
 * same address or within the radius — using only keyed reads (the caller's tickets, the open places).
 */
@Service
public class DuplicateFinder {
  /** Ticket numbers read per candidate shown: most are the same problem, a few are closed or too far. */
  private static final int READ_PER_CANDIDATE = 5;
  private final CallerIndex callers;
  private final OpenPlaces places;
  private final ComplaintRepository complaints;
  private final DuplicateSettings settings;

  DuplicateFinder(CallerIndex callers, OpenPlaces places, ComplaintRepository complaints, DuplicateSettings settings) {
    this.callers = callers;
    this.places = places;
    this.complaints = complaints;
    this.settings = settings;
  }

  /** Open tickets this call may repeat, newest first, never {@code self}. */
  public List<DuplicateCandidate> candidates(DuplicateProbe probe, String self) {
    Set<String> tickets = new LinkedHashSet<>();
    if (probe.callerPhone() != null && !probe.callerPhone().isBlank()) {
      tickets.addAll(callers.tickets(probe.callerPhone(), settings.phoneLookback()));
    }
    OpenPlaces.Place place = probe.place();
    tickets.addAll(places.ticketsNear(place));
    tickets.remove(self);
    // A busy address or cell lists many open tickets; read only the newest few, by key.
    List<String> newest = tickets.stream().sorted(Comparator.reverseOrder())
        .limit((long) settings.maxCandidates() * READ_PER_CANDIDATE).toList();
    return complaints.findAll(newest).stream()
        .filter(view -> view.status().isOpen())
        .map(view -> judge(probe, place, view))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(DuplicateCandidate::ticketId).reversed())
        .limit(settings.maxCandidates())
        .toList();
  }

  private Optional<DuplicateCandidate> judge(DuplicateProbe probe, OpenPlaces.Place place, ComplaintView earlier) {
    List<DuplicateCandidate.Reason> reasons = new ArrayList<>();
    if (Objects.equals(probe.callerPhone(), earlier.callerPhone())) {
      reasons.add(DuplicateCandidate.Reason.SAME_PHONE);
    }
    boolean sameCategory = Objects.equals(place.category(), earlier.category());
    if (sameCategory && place.address() != null && Objects.equals(place.district(), earlier.district())
        && Places.normalizeAddress(place.address()).equals(Places.normalizeAddress(earlier.address()))) {
      reasons.add(DuplicateCandidate.Reason.SAME_ADDRESS);
    }
    Integer distance = null;
    if (place.located() && earlier.location() != null) {
      distance = (int) Math.round(Places.distanceMeters(place.longitude(), place.latitude(),
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
