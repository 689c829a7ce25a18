package city.hotline.intake.knowledge;

/** An article's life: written (草稿), answered from (发布), withdrawn for good (停用). */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  RETIRED
}
