package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.ComplaintView;
import city.hotline.support.security.Caller;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 重复件: the check the operator console runs while a call is typed in, and the merge after registration. */
@RestController
@RequestMapping("/api/complaints")
class DuplicateController {
  private final DuplicateFinder finder;
  private final MergeService merges;

  DuplicateController(DuplicateFinder finder, MergeService merges) {
    this.finder = finder;
    this.merges = merges;
  }

  @PostMapping("/duplicate-check")
  List<DuplicateCandidate> check(@Valid @RequestBody DuplicateProbe probe) {
    return finder.candidates(probe, null);
  }

  @PostMapping("/{ticketId}/merge")
  ComplaintView merge(@PathVariable String ticketId, @Valid @RequestBody MergeRequest request) {
    return merges.merge(ticketId, request, Caller.current());
  }
}
