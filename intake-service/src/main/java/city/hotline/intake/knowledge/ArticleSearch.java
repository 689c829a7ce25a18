package city.hotline.intake.knowledge;

/**
 * A search of the knowledge base: words (ranked by relevance) or none (newest change first), narrowed by category,
 * unit and, for editors, status.
 *
 * @param q the words, null or blank for none
 * @param inForceOnly true for everyone but editors: only articles in force now
 * @param status editors only: the status to list, null for all
 */
public record ArticleSearch(String q, String category, String unitId, ArticleStatus status, boolean inForceOnly,
    int page, int size) {}
