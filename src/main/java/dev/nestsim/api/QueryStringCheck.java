package dev.nestsim.api;

import dev.nestsim.api.Problems.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a malformed query string before anything reads its parameters (Tomcat would throw, which was a 500): a
 * parameter without a name ({@code ?=1}), a percent sign not followed by two hexadecimal digits ({@code %zz}), bytes
 * that are not UTF-8, and, once decoded, a name or value with control characters (no stored name holds one, and
 * PostgreSQL cannot compare with a NUL). Each is a 400 with the rule {@code query-syntax}, {@code percent-encoding},
 * {@code utf-8} or {@code no-control-characters}. Then a parameter the operation does not declare is a 400 with the rule
 * {@code unknown-parameter}.
 */
class QueryStringCheck implements HandlerInterceptor {

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return true;
        }
        Map<String, Integer> names = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals == 0) {
                throw refused("", "query-syntax", "every query parameter needs a name: " + Echo.quoted(pair) + " has none");
            }
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (name.chars().anyMatch(Character::isISOControl) || value.chars().anyMatch(Character::isISOControl)) {
                throw refused(name, "no-control-characters", "query parameter " + Echo.quoted(name)
                        + " must not contain control characters (U+0000 to U+001F, U+007F to U+009F), was " + Echo.of(value));
            }
            names.merge(name, 1, Integer::sum);
        }
        if (handler instanceof HandlerMethod method && request.getDispatcherType() == DispatcherType.REQUEST) {
            refuseUnknown(names, method);
        }
        return true;
    }

    /**
     * Every query parameter must be one the operation declares ({@code @RequestParam}): an unknown one is a 400 with the
     * rule {@code unknown-parameter} listing the known ones, as an unknown field of a body is ({@code unknown-field}), so a
     * misspelt filter ({@code ?stauts=FAILED}) never silently lists everything. Only nestsim's own documented operations are
     * checked, and only on the request's own dispatch (an error forwarded to {@code /error} keeps the query it came with).
     */
    private static void refuseUnknown(Map<String, Integer> names, HandlerMethod method) {
        if (!method.getBeanType().getName().startsWith("dev.nestsim.") || method.getBeanType().isAnnotationPresent(Hidden.class)) {
            return;
        }
        Set<String> known = new TreeSet<>();
        Map<String, Integer> maxRepeats = new HashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return;
            }
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            String name = !param.name().isEmpty() ? param.name() : String.valueOf(parameter.getParameterName());
            known.add(name);
            maxRepeats.put(name, maxRepeats(parameter));
        }
        List<FieldProblem> unknown = new ArrayList<>();
        for (Map.Entry<String, Integer> given : names.entrySet()) {
            String name = given.getKey();
            if (!known.contains(name)) {
                String message = "unknown query parameter " + Echo.quoted(name) + "; " + (known.isEmpty()
                        ? "this operation takes none" : "known parameters: " + String.join(", ", known));
                unknown.add(new FieldProblem(name, null, "unknown-parameter", message));
                continue;
            }
            int max = maxRepeats.get(name);
            if (given.getValue() > max) {
                unknown.add(max == 1
                        ? new FieldProblem(name, null, "single-value", "query parameter " + Echo.quoted(name) + " takes one value; it was given "
                                + given.getValue() + " times")
                        : new FieldProblem(name, null, "max-items", "query parameter " + Echo.quoted(name) + " may be repeated at most " + max
                                + " times (once per value); it was given " + given.getValue() + " times"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(Problems.summary(unknown), unknown);
        }
    }

    /**
     * How often a parameter may be given: a list of an enum's values once per value (the contract's {@code maxItems}),
     * another list without a bound here, anything else once (a second value would be silently ignored).
     */
    private static int maxRepeats(MethodParameter parameter) {
        if (!Collection.class.isAssignableFrom(parameter.getParameterType()) && !parameter.getParameterType().isArray()) {
            return 1;
        }
        Class<?> element = parameter.getParameterType().isArray() ? parameter.getParameterType().getComponentType()
                : ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0);
        return element != null && element.isEnum() ? element.getEnumConstants().length : Integer.MAX_VALUE;
    }

    /** Percent-decodes {@code text} (and {@code +} as a space) as strict UTF-8. */
    private static String decode(String text, String parameter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw refused(parameter, "percent-encoding", "a % in the query must start an escape of two hexadecimal digits"
                            + " (%20, %C3%A9), was " + Echo.quoted(text.substring(i, Math.min(text.length(), i + 3))));
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(parameter, "utf-8", "the query must be percent-encoded UTF-8; it has bytes that are not UTF-8");
        }
    }

    private static InvalidRequestException refused(String field, String rule, String message) {
        return new InvalidRequestException(message, List.of(new FieldProblem(field, null, rule, message)));
    }
}
