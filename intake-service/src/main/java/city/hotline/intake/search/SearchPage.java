package city.hotline.intake.search;

import city.hotline.intake.complaint.ComplaintView;
import java.util.List;

/**
 * One page of search results, newest first unless asked otherwise.
 *
 * @param total how many work orders match
 * @param complete false when a word search stopped after reading its limit of work orders (the newest the
 *     filters find, or the oldest): total then counts only those, and narrowing the period or the filters gives the full answer
 */
public record SearchPage(List<ComplaintView> items, int page, int size, long total, boolean complete) {}
