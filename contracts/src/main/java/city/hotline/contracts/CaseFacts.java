package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The dimensions every case event carries, so a reader (the statistics read model above all)
 * never has to wait for another event to know where a case belongs. Codes, not names.
 *
 * @param unitId the handling unit, or null before the case is routed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseFacts(String district, String category, String urgency, String unitId) {}
