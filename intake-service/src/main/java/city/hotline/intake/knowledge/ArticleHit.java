package city.hotline.intake.knowledge;

/**
 * One article in a search's page.
 *
 * @param snippet HTML-safe: everything escaped, the words that matched wrapped in {@code <mark>…</mark>}
 * @param score the relevance, null when listed without words
 * @param inForce whether it is published and valid now (editors also list the others)
 */
public record ArticleHit(String id, String title, String snippet, String category, String unitId, int version,
    ArticleStatus status, Double score, boolean inForce) {}
