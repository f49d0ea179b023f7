package dev.nestsim.security;

import dev.nestsim.api.ApiProblemException;
import dev.nestsim.api.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems of this feature that a service raises. */
final class SecurityProblems {

    private SecurityProblems() {
    }

    /** 403: the caller is known but may not do this. */
    static final class ForbiddenException extends ApiProblemException {
        ForbiddenException(String detail) {
            super(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail, List.of());
        }
    }
}
