package dev.nestsim.runs.web;

import dev.nestsim.api.Echo;
import dev.nestsim.api.FieldProblem;
import dev.nestsim.api.Problems.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * JSON or CSV, for the operations that serve both: {@code format} ({@code json} or {@code csv}) when given, else the
 * {@code Accept} header: CSV when {@code text/csv} is acceptable and not less preferred than JSON (quality, then order),
 * JSON otherwise (any type, no {@code Accept}, or JSON preferred).
 */
final class Formats {

    /** The named schema of the {@code format} query parameter, {@link RunsContractBounds} registers it. */
    static final String SCHEMA_NAME = "ResultFormat";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA_NAME;
    static final String DESCRIPTION = "json or csv; when absent, the Accept header decides (text/csv gives CSV, anything else JSON)";
    private static final MediaType CSV = MediaType.parseMediaType(ResultCsv.MEDIA_TYPE);

    private Formats() {
    }

    /** True for CSV; a {@code format} other than json and csv is a 400 listing them. */
    static boolean csv(String format, HttpServletRequest request) {
        if (format != null) {
            if (!format.equals("json") && !format.equals("csv")) {
                String message = "format must be one of json, csv, was " + Echo.quoted(format);
                throw new InvalidRequestException(message, List.of(new FieldProblem("format", null, "result-format", message)));
            }
            return format.equals("csv");
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.getHeaders(HttpHeaders.ACCEPT) == null ? List.of()
                    : java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        List<MediaType> byQuality = new java.util.ArrayList<>(accepted);
        byQuality.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : byQuality) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                return false;
            }
            if (CSV.isCompatibleWith(type)) {
                return true;
            }
            if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return false;
            }
        }
        return false;
    }
}
