package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.knowledge.KnowledgeLookup;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** 智能受理: the suggestions while the operator types, and their evaluation. */
@Service
class SuggestionService {
  private final Gazetteer gazetteer;
  private final ComplaintRepository complaints;
  private final Suggester suggester;
  private final Validator validator;
  private final OneAtATime evaluations = new OneAtATime(
      "An evaluation of the suggestions is running already; try again when it has finished", "EVALUATION_RUNNING");

  SuggestionService(SuggestionLearning learning, Gazetteer gazetteer, KnowledgeLookup knowledge,
      ComplaintRepository complaints, Validator validator) {
    this.gazetteer = gazetteer;
    this.complaints = complaints;
    this.suggester = new Suggester(learning.history(), gazetteer, knowledge);
    this.validator = validator;
  }

  Suggestions suggest(SuggestionRequest request) {
    validate(request);
    RegistrationRequest.Location at = request.location();
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
  private void validate(SuggestionRequest request) {
    List<FieldProblem> errors = new ArrayList<>(validator.validate(request).stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldProblem::field));
      throw ApiException.invalid(errors);
    }
  }
}
