package city.hotline.intake.knowledge;

/** A bureau's proposal, waiting for an editor or decided. */
public enum ProposalStatus {
  PENDING,
  ACCEPTED,
  REJECTED
}
