package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.text.ChineseWords;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the suggestions have learned from intake's closed work orders: the category model over their words and the
 * units that handled each district and category; each work order once, however often a poll reads it again.
 */
public final class LearnedHistory {
  private final CategoryModel categories = new CategoryModel();
  private final UnitTally units = new UnitTally();
  private final Set<String> learned = ConcurrentHashMap.newKeySet();

  /** @return false when this work order was learned already */
  public boolean learn(LearnableCall call) {
    if (!learned.add(call.ticketId())) {
      return false;
    }
    String category = call.finalCategory();
    categories.learn(words(call.description()), category);
    units.learn(call.district(), category, call.handledUnit());
    return true;
  }

  public CategoryModel categories() {
    return categories;
  }

  public UnitTally units() {
    return units;
  }

  public int size() {
    return learned.size();
  }

  /** The words the model is learned and asked with: the description as segmented (分词). */
  static List<String> words(String description) {
    return ChineseWords.of(description);
  }
}
