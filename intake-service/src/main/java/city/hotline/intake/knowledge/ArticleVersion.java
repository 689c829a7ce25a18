package city.hotline.intake.knowledge;

import java.time.Instant;

/**
 * One entry of an article's history: what it said and its status after a change, who made the change and when.
 *
 * @param action CREATED, EDITED, PUBLISHED, RETIRED or SEEDED
 * @param note what else is worth knowing, e.g. the proposal a bureau made; null if nothing
 */
public record ArticleVersion(int version, Instant at, String by, String action, ArticleContent content,
    ArticleStatus status, String note) {}
