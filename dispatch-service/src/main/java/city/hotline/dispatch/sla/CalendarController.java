package city.hotline.dispatch.sla;

import city.hotline.support.web.IfMatch;
import city.hotline.support.security.Caller;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-time calendar (ADMIN): a year's public holidays (节假日) and make-up working days (调休). */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarController {
  private final CalendarAdmin admin;

  CalendarController(CalendarAdmin admin) {
    this.admin = admin;
  }

  record YearRequest(List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {}

  @GetMapping
  CalendarAdmin.Overview overview() {
    return admin.overview();
  }

  @GetMapping("/{year}")
  ResponseEntity<CalendarYear> year(@PathVariable int year) {
    CalendarYear found = admin.year(year);
    return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
  }

  /** Enters a year (201) or replaces its dates (200), as a new version in force at once. */
  @PutMapping("/{year}")
  ResponseEntity<CalendarYear> put(@PathVariable int year, @RequestBody YearRequest request,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    CalendarAdmin.Saved saved = admin.put(year, request.holidays(), request.makeUpWorkdays(), request.source(),
        IfMatch.version(ifMatch), Caller.current());
    ResponseEntity.BodyBuilder response = saved.created()
        ? ResponseEntity.created(URI.create("/api/admin/calendar/" + year))
        : ResponseEntity.ok();
    return response.eTag(IfMatch.etag(saved.year().version())).body(saved.year());
  }
}
