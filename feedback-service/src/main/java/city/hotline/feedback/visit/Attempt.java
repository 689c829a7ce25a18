package city.hotline.feedback.visit;

/**
 * One return-visit call (回访) as recorded, whether the operator's ({@link VisitController.AttemptRequest}) or the
 * citizen's own rating through the link ({@link CitizenRating}).
 *
 * @param reached whether the citizen answered; when true a satisfaction rating is required
 * @param score optional 1–5
 * @param solved whether the problem was actually solved, in the citizen's words
 */
public record Attempt(Boolean reached, Satisfaction satisfaction, Integer score, Boolean solved, String comment) {}
