package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;

/**
 * An open ticket a new call may repeat (重复件), and why it looks like one.
 *
 * @param distanceMeters how far apart the two map points are, when both calls have one
 */
public record DuplicateCandidate(
    String ticketId,
    List<Reason> reasons,
    Integer distanceMeters,
    ComplaintStatus status,
    Instant registeredAt,
    String category,
    String district,
    String address,
    String description) {

  public enum Reason {
    SAME_PHONE, // 同一来电号码
    SAME_ADDRESS, // 同一地址, 同类问题
    NEARBY // 附近 (within the configured radius), 同类问题
  }
}
