package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * 突发预警: the calls of one category in one district (kind DISTRICT) or one grid cell of it (kind CELL)
 * passed the surge line in the sliding window. Published once per surge; the envelope's key is {@code surgeId}.
 *
 * @param cell the grid cell's id for kind CELL, else null
 * @param count the calls in the window when the line was crossed
 * @param baseline what the window usually holds (the same hour of the week over the previous weeks)
 * @param threshold the line crossed: the count had to reach it
 * @param tickets the calls in the window, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurgeDetected(
    String surgeId,
    String kind,
    String category,
    String district,
    String cell,
    Instant windowStart,
    Instant windowEnd,
    long count,
    double baseline,
    double threshold,
    Instant detectedAt,
    List<String> tickets) {}
