package dev.nestsim.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, in the shape every list of the API shares.
 *
 * @param items         this page's items, in creation order (then id)
 * @param page          the page number, from 0 to {@value #MAX_PAGE}
 * @param size          the page size asked for, 1 to {@value #MAX_SIZE}
 * @param totalElements items across all pages that match the filters
 * @param totalPages    pages of this size
 */
public record PageResponse<T>(
        @ArraySchema(arraySchema = @Schema(description = "This page's items, oldest first"), maxItems = MAX_SIZE) List<T> items,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Page size", example = "20") int size,
        @Schema(description = "Items matching the filters, across all pages", example = "3") long totalElements,
        @Schema(description = "Number of pages of this size", example = "1") int totalPages) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The last page any size may ask for: page x size (the offset) stays within 2^31 - 1. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
