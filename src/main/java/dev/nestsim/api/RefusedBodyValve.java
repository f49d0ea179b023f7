package dev.nestsim.api;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request whose body {@link RequestBodyLimits} refused (413, 408, 503), tells Tomcat not to read the rest of the
 * body: Tomcat would otherwise drain it to keep the connection alive, holding the thread for as long as a slow client
 * takes (or up to {@code server.tomcat.max-swallow-size} of a large one). The answer is sent, then the connection closed.
 */
class RefusedBodyValve extends ValveBase {

    RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.getAttribute(RequestBodyLimits.REFUSED) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
