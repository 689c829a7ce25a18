package city.hotline.intake.knowledge;

import java.util.List;

/** One page of a knowledge search, with how many articles match in all. */
public record KnowledgePage<T>(List<T> items, int page, int size, long total) {}
