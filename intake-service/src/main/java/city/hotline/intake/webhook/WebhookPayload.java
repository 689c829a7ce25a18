package city.hotline.intake.webhook;

/**
 * The body of a delivery (JSON): a change of a ticket's status, nothing about who called.
 *
 * @param deliveryId the same at every attempt ({@code X-Hotline-Delivery}): a receiver that got it already ignores it
 * @param ticketId our ticket number, Open311's {@code service_request_id}
 * @param status Open311's {@code open} or {@code closed}
 * @param ourStatus our status (REGISTERED, DISPATCHED, CLAIMED, RESOLVED, CLOSED, …)
 * @param statusNote the public note of the step (a unit's reply at 办结); null for a confidential caller's ticket
 * @param occurredAt when it happened, ISO-8601 (UTC)
 * @param category our category code, Open311's {@code service_code}
 * @param district our district code
 */
record WebhookPayload(String deliveryId, String webhookId, String ticketId, String status, String ourStatus,
    String statusNote, String occurredAt, String category, String district) {}
