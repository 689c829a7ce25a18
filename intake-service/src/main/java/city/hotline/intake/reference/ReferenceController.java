package city.hotline.intake.reference;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reference")
class ReferenceController {
  private final ReferenceData reference;

  ReferenceController(ReferenceData reference) {
    this.reference = reference;
  }

  @GetMapping("/districts")
  List<ReferenceData.Entry> districts() {
    return reference.districts();
  }

  @GetMapping("/categories")
  List<ReferenceData.Entry> categories() {
    return reference.categories();
  }
}
