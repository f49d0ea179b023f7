package dev.nestsim.api;

import java.util.List;

/** The exceptions services throw, one per problem kind. */
public final class Problems {

    /** The most errors a problem lists; the detail counts them all. */
    public static final int MAX_ERRORS = 50;

    private Problems() {
    }

    /**
     * The detail of a problem that lists errors: how many and which rules, never the values ({@code errors[].message}
     * shows each value, once): {@code "1 problem (size): see errors"}, {@code "3 problems (not-null, size, type): see errors"}.
     */
    public static String summary(List<FieldProblem> errors) {
        List<String> rules = errors.stream().map(FieldProblem::rule).distinct().sorted().toList();
        return errors.size() + (errors.size() == 1 ? " problem (" : " problems (") + String.join(", ", rules) + "): see errors"
                + (errors.size() > MAX_ERRORS ? " (the first " + MAX_ERRORS + ")" : "");
    }

    /** 400: the request is syntactically fine JSON but a field is missing, out of range or inconsistent. */
    public static final class InvalidRequestException extends ApiProblemException {
        public InvalidRequestException(String detail, List<FieldProblem> errors) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, detail, errors);
        }
    }

    /** 422: well-formed, but it breaks a topology rule (depth, fit, DVH link, passthrough, unknown reference). */
    public static final class RuleViolationException extends ApiProblemException {
        public RuleViolationException(String detail, List<FieldProblem> errors) {
            super(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.RULE_VIOLATION, detail, errors);
        }
    }

    /** 404: an id in the URL names nothing. */
    public static final class NotFoundException extends ApiProblemException {
        public NotFoundException(String kind, Object id) {
            super(org.springframework.http.HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "no " + kind + " with id " + id, List.of());
        }
    }

    /** 409: deleting or changing it would leave its children invalid. */
    public static final class ConflictWithChildrenException extends ApiProblemException {
        public ConflictWithChildrenException(String detail, List<FieldProblem> errors) {
            super(org.springframework.http.HttpStatus.CONFLICT, ProblemType.CONFLICT_WITH_CHILDREN, detail, errors);
        }
    }

    /** 409: it cannot be deleted while queued or running work uses it (the detail names that work). */
    public static final class InUseException extends ApiProblemException {
        public InUseException(String detail) {
            super(org.springframework.http.HttpStatus.CONFLICT, ProblemType.IN_USE, detail, List.of());
        }
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static final class PreconditionFailedException extends ApiProblemException {
        public PreconditionFailedException(String detail) {
            super(org.springframework.http.HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED, detail, List.of());
        }
    }

    /** 428: an update came without {@code If-Match}. */
    public static final class PreconditionRequiredException extends ApiProblemException {
        public PreconditionRequiredException(String detail) {
            super(org.springframework.http.HttpStatus.PRECONDITION_REQUIRED, ProblemType.PRECONDITION_REQUIRED, detail, List.of());
        }
    }
}
