package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.knowledge.KnowledgeLookup;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** 智能受理: the suggestions while the operator types, and their evaluation. */
@Service
class SuggestionService {
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_ADDRESS = 200;

  private final SuggestionLearning learning;
  private final Gazetteer gazetteer;
  private final ComplaintRepository complaints;
  private final Suggester suggester;
  private final OneAtATime evaluations = new OneAtATime(
      "An evaluation of the suggestions is running already; try again when it has finished", "EVALUATION_RUNNING");

  SuggestionService(SuggestionLearning learning, Gazetteer gazetteer, KnowledgeLookup knowledge,
      ComplaintRepository complaints) {
    this.learning = learning;
    this.gazetteer = gazetteer;
    this.complaints = complaints;
    this.suggester = new Suggester(learning.history(), gazetteer, knowledge);
  }

  Suggestions suggest(SuggestionRequest request) {
    validate(request);
    SuggestionRequest.Location at = request.location();
    return suggester.suggest(request.description(), request.address(), at == null ? null : at.longitude(),
        at == null ? null : at.latitude());
  }

  /**
   * Replays every closed work order in the store (a fresh model, not the live one) and counts the acceptance; one
   * at a time, as it holds the words of the whole history while it runs.
   */
  Evaluation evaluate() {
    return evaluations.run(() -> {
      Evaluation.Replay replay = new Evaluation.Replay(gazetteer);
      complaints.forEachLearnable(null, replay::add);
      List<WorkOrder.Suggestion> shown = new ArrayList<>();
      complaints.forEachSuggestion(shown::add);
      return replay.finish(shown);
    });
  }

  /** Every broken rule at once, as registration reports them. */
  private static void validate(SuggestionRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    if (request.description() == null || request.description().isBlank()) {
      errors.add(new FieldProblem("description", "is required"));
    } else if (request.description().length() > MAX_DESCRIPTION) {
      errors.add(new FieldProblem("description", "must be 1 to " + MAX_DESCRIPTION + " characters"));
    }
    if (request.address() != null && request.address().length() > MAX_ADDRESS) {
      errors.add(new FieldProblem("address", "must be at most " + MAX_ADDRESS + " characters"));
    }
    SuggestionRequest.Location at = request.location();
    if (at != null) {
      if (at.longitude() == null || at.longitude() < -180 || at.longitude() > 180) {
        errors.add(new FieldProblem("location.longitude", "must be between -180 and 180"));
      }
      if (at.latitude() == null || at.latitude() < -90 || at.latitude() > 90) {
        errors.add(new FieldProblem("location.latitude", "must be between -90 and 90"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
