package uk.probation.gate.platform.web;

import java.util.List;

/** Every list endpoint answers in this shape. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
